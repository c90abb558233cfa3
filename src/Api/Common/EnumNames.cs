using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Helpdesk.Api.Common;

/// <summary>Enums on the wire: each value by its snake_case name (<c>phone</c>, <c>in_progress</c>, <c>l2</c>), read only exactly so.</summary>
/// <remarks>
/// No number, no other case, no padding, no list of names: a number that names no value was once stored and broke its
/// department for good. A refusal names the values allowed. Dictionary keys that are enums read and write the same way.
/// </remarks>
public sealed class EnumNames : JsonConverterFactory
{
    /// <summary>Every name of <paramref name="type"/> on the wire, in declaration order.</summary>
    public static IReadOnlyList<string> All(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return [.. Enum.GetNames(type).Select(WireName)];
    }

    /// <summary>The wire name of <paramref name="value"/>.</summary>
    public static string Name<T>(T value) where T : struct, Enum => Exact<T>.Name(value);

    /// <summary>The value whose wire name is exactly <paramref name="name"/>.</summary>
    public static bool TryParse<T>(string? name, out T value) where T : struct, Enum
    {
        value = default;
        return name is not null && Exact<T>.ByName.TryGetValue(name, out value);
    }

    private static string WireName(string name) => JsonNamingPolicy.SnakeCaseLower.ConvertName(name);

    /// <inheritdoc/>
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    /// <inheritdoc/>
    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Exact<>).MakeGenericType(typeToConvert))!;

    private sealed class Exact<T> : JsonConverter<T> where T : struct, Enum
    {
        private static readonly FrozenDictionary<T, string> NameOf =
            Enum.GetValues<T>().ToFrozenDictionary(value => value, value => WireName(value.ToString()));

        public static readonly FrozenDictionary<string, T> ByName = NameOf.ToFrozenDictionary(entry => entry.Value, entry => entry.Key, StringComparer.Ordinal);

        private static readonly string Allowed = $"Use one of: {string.Join(", ", All(typeof(T)))}.";

        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String ? Parse(reader.GetString()) : throw new JsonException(Allowed);

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(Name(value));

        public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Parse(reader.GetString());

        public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WritePropertyName(Name(value));

        private static T Parse(string? name) => name is not null && ByName.TryGetValue(name, out var value) ? value : throw new JsonException(Allowed);

        public static string Name(T value) => NameOf.TryGetValue(value, out var name) ? name : throw new JsonException($"{typeof(T).Name} {value} has no name.");
    }
}
