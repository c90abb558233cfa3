using System.Collections.Concurrent;
using System.Globalization;
using Helpdesk.Runtime.Cluster;
using Helpdesk.Runtime.Core;

namespace Helpdesk.Runtime.Persistence;

/// <summary>Grain state in this process's memory: the embedded default and the store of fast tests.</summary>
/// <remarks>
/// It keeps serialized JSON, not objects, so it behaves like a real store: a grain never shares an object with the store.
/// It serves a single silo, so there is no other owner to fence against and fences are not checked.
/// </remarks>
public sealed class InMemoryGrainStorage : IGrainStorage
{
    private readonly ConcurrentDictionary<(GrainId, string), Entry> _records = new();

    /// <inheritdoc />
    public Task<StoredState?> ReadAsync(GrainId grainId, string stateName, CancellationToken cancellationToken) =>
        Task.FromResult(_records.TryGetValue((grainId, stateName), out var entry)
            ? new StoredState(entry.Json, Tag(entry.Version))
            : null);

    /// <inheritdoc />
    public Task<string> WriteAsync(GrainId grainId, string stateName, string json, string? etag, Fence? fence, CancellationToken cancellationToken)
    {
        var key = (grainId, stateName);
        if (etag is null)
        {
            return _records.TryAdd(key, new Entry(json, 1))
                ? Task.FromResult(Tag(1))
                : throw Conflict.On(grainId, stateName, etag, CurrentTag(key), "Write");
        }

        if (_records.TryGetValue(key, out var current) && Tag(current.Version) == etag
            && _records.TryUpdate(key, new Entry(json, current.Version + 1), current))
        {
            return Task.FromResult(Tag(current.Version + 1));
        }

        throw Conflict.On(grainId, stateName, etag, CurrentTag(key), "Write");
    }

    /// <inheritdoc />
    public Task ClearAsync(GrainId grainId, string stateName, string? etag, Fence? fence, CancellationToken cancellationToken)
    {
        var key = (grainId, stateName);
        if (etag is null)
        {
            return _records.ContainsKey(key)
                ? throw Conflict.On(grainId, stateName, etag, CurrentTag(key), "Clear")
                : Task.CompletedTask;
        }

        if (_records.TryGetValue(key, out var current) && Tag(current.Version) == etag
            && _records.TryRemove(new KeyValuePair<(GrainId, string), Entry>(key, current)))
        {
            return Task.CompletedTask;
        }

        throw Conflict.On(grainId, stateName, etag, CurrentTag(key), "Clear");
    }

    private string? CurrentTag((GrainId, string) key) =>
        _records.TryGetValue(key, out var entry) ? Tag(entry.Version) : null;

    private static string Tag(long version) => version.ToString(CultureInfo.InvariantCulture);

    private sealed record Entry(string Json, long Version);
}
