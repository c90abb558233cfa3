using System.Text.Json;
using Helpdesk.Runtime.Cluster;
using Helpdesk.Runtime.Core;
using Helpdesk.Runtime.Diagnostics;

namespace Helpdesk.Runtime.Persistence;

/// <summary>One named state of one grain, bound to the silo's storage and fenced by the activation's partition lease.</summary>
internal sealed class PersistentState<TState>(
    GrainId grainId,
    string stateName,
    Fence fence,
    IGrainStorage storage,
    JsonSerializerOptions serializer,
    RuntimeInstruments instruments)
    : IPersistentState<TState>, IStateLoader
    where TState : new()
{
    public TState State { get; set; } = new();

    public string? Etag { get; private set; }

    public bool RecordExists => Etag is not null;

    public async Task ReadStateAsync(CancellationToken cancellationToken = default)
    {
        var stored = await storage.ReadAsync(grainId, stateName, cancellationToken);
        State = stored is null ? new TState() : JsonSerializer.Deserialize<TState>(stored.Json, serializer) ?? new TState();
        Etag = stored?.Etag;
    }

    public async Task WriteStateAsync(CancellationToken cancellationToken = default)
    {
        var json = JsonSerializer.Serialize(State, serializer);
        try
        {
            Etag = await storage.WriteAsync(grainId, stateName, json, Etag, fence, cancellationToken);
        }
        catch (InconsistentStateException)
        {
            instruments.StateConflicted(grainId.Type);
            throw;
        }

        instruments.StateWritten(grainId.Type);
    }

    public async Task ClearStateAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await storage.ClearAsync(grainId, stateName, Etag, fence, cancellationToken);
        }
        catch (InconsistentStateException)
        {
            instruments.StateConflicted(grainId.Type);
            throw;
        }

        instruments.StateWritten(grainId.Type);
        Etag = null;
        State = new TState();
    }
}
