using System.Text.Json;
using System.Text.Json.Serialization;

namespace Helpdesk.Simulator.Planning;

/// <summary>How <c>--json</c> writes what the planner found: camelCase names, enums as their camelCase words, indented.</summary>
internal static class PlanningJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>The JSON of <paramref name="value"/>.</summary>
    public static string Of<T>(T value) => JsonSerializer.Serialize(value, Options);
}
