using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Helpdesk.Api.Common;

/// <summary>Numbers in answers are rounded to what they mean: seconds to the millisecond, every other figure to four decimals.</summary>
/// <remarks>
/// A longest wait reads <c>2.109</c>, not <c>2.1092796</c>; an offered load <c>5.1565</c>, not <c>5.156496355500761</c>.
/// Requests are read as sent. Endless figures (an average speed of answer when nobody answers) travel as <c>"Infinity"</c>.
/// </remarks>
public static class Rounding
{
    /// <summary>A type-info modifier: rounds the <see cref="double"/> properties of <paramref name="type"/> as they are written.</summary>
    public static void ToMeaning(JsonTypeInfo type)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (type.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        foreach (var property in type.Properties)
        {
            var digits = property.Name.EndsWith("Seconds", StringComparison.Ordinal) ? 3 : 4;
            if (property.PropertyType == typeof(double))
            {
                property.CustomConverter = new Rounded(digits);
            }
            else if (property.PropertyType == typeof(double?))
            {
                property.CustomConverter = new RoundedOrNull(digits);
            }
        }
    }

    private static void Write(Utf8JsonWriter writer, double value, int digits)
    {
        if (double.IsFinite(value))
        {
            writer.WriteNumberValue(Math.Round(value, digits));
        }
        else
        {
            writer.WriteStringValue(value.ToString(CultureInfo.InvariantCulture));
        }
    }

    private static double Read(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.Number => reader.GetDouble(),
        JsonTokenType.String when double.TryParse(reader.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var named) && !double.IsFinite(named) => named,
        _ => throw new JsonException("A number."),
    };

    private sealed class Rounded(int digits) : JsonConverter<double>
    {
        public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Rounding.Read(ref reader);

        public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options) => Rounding.Write(writer, value, digits);
    }

    private sealed class RoundedOrNull(int digits) : JsonConverter<double?>
    {
        public override bool HandleNull => true;

        public override double? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.Null ? null : Rounding.Read(ref reader);

        public override void Write(Utf8JsonWriter writer, double? value, JsonSerializerOptions options)
        {
            if (value is { } number)
            {
                Rounding.Write(writer, number, digits);
            }
            else
            {
                writer.WriteNullValue();
            }
        }
    }
}
