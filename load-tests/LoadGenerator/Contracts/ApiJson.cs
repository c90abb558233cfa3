using System.Text.Json;
using System.Text.Json.Serialization;

namespace Helpdesk.LoadGenerator.Contracts;

/// <summary>How the API writes JSON: camelCase names, snake_case enum values.</summary>
internal static class ApiJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };
}
