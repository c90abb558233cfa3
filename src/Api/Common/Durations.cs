using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Helpdesk.Api.Common;

/// <summary>Every duration on the wire is a number of seconds named <c>…Seconds</c>, in requests and answers alike.</summary>
/// <remarks>
/// A request says <c>wrapUpSeconds: 30</c>; the operator it creates answers the same, not <c>wrapUp: "00:00:30"</c>. A
/// <see cref="TimeSpan"/> property of any body gains the suffix and travels as seconds, to the millisecond.
/// </remarks>
public static class Durations
{
    /// <summary>A type-info modifier: renames and converts the durations of <paramref name="type"/>.</summary>
    public static void InSeconds(JsonTypeInfo type)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (type.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        foreach (var property in type.Properties.Where(property => property.PropertyType == typeof(TimeSpan) || property.PropertyType == typeof(TimeSpan?)))
        {
            property.Name += "Seconds";
            property.CustomConverter = Seconds.Instance;
        }
    }

    private sealed class Seconds : JsonConverter<TimeSpan>
    {
        public static readonly Seconds Instance = new();

        public override TimeSpan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TryGetDouble(out var seconds) && double.IsFinite(seconds) && Math.Abs(seconds) < TimeSpan.MaxValue.TotalSeconds
                ? TimeSpan.FromSeconds(seconds)
                : throw new JsonException("A number of seconds.");

        public override void Write(Utf8JsonWriter writer, TimeSpan value, JsonSerializerOptions options) =>
            writer.WriteNumberValue(Math.Round(value.TotalSeconds, 3));
    }
}
