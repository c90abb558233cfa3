using System.Text.Json;
using System.Text.Json.Serialization;
using Orleans.Storage;

namespace Helpdesk.Cluster.Storage;

/// <summary>Stores grain state as plain JSON: property names and enum names, never a .NET type name.</summary>
/// <remarks>
/// Orleans' own storage serializer writes its binary format, and its JSON one writes .NET type names; either strands
/// stored state when a class is moved or renamed. Here the stored JSON holds only the state's data, so a state class
/// may move or be renamed freely, and fields added later read as their defaults from older rows.
/// </remarks>
public sealed class JsonGrainStateSerializer : IGrainStorageSerializer
{
    /// <summary>How state is written: camelCase, enums by name, an endless figure as <c>"Infinity"</c>.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Whether <paramref name="type"/> is a grain's state class (<c>Helpdesk.*State</c>), which crosses silos as this JSON when a silo hands its activations over as it stops.</summary>
    public static bool IsGrainState(Type type) =>
        type is { IsClass: true, Namespace: { } name } && name.StartsWith("Helpdesk.", StringComparison.Ordinal) && type.Name.EndsWith("State", StringComparison.Ordinal);

    /// <inheritdoc/>
    public BinaryData Serialize<T>(T? input) => BinaryData.FromObjectAsJson(input, Options);

    /// <inheritdoc/>
    public T? Deserialize<T>(BinaryData input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return input.ToObjectFromJson<T>(Options);
    }
}
