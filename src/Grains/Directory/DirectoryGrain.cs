using Helpdesk.Grains.Common;

namespace Helpdesk.Grains.Directory;

/// <summary>Keeps a sorted set of ids.</summary>
[GrainType("directory")]
internal sealed class DirectoryGrain([PersistentState("directory")] IPersistentState<DirectoryState> directory) : Grain, IDirectoryGrain
{
    public async Task<bool> AddAsync(string id)
    {
        var ids = directory.State.Ids;
        var at = ids.BinarySearch(id, StringComparer.Ordinal);
        if (at >= 0)
        {
            return false;
        }

        ids.Insert(~at, id);
        await directory.SaveAsync(DeactivateOnIdle);
        return true;
    }

    public Task<IReadOnlyList<string>> ListAsync() => Task.FromResult<IReadOnlyList<string>>([.. directory.State.Ids]);

    public Task<IReadOnlyList<string>> PageAsync(string? after, int limit)
    {
        var ids = directory.State.Ids;
        var at = after is null ? -1 : ids.BinarySearch(after, StringComparer.Ordinal);
        var from = at >= 0 ? at + 1 : ~at;
        return Task.FromResult<IReadOnlyList<string>>([.. ids.Skip(from).Take(limit)]);
    }
}

/// <summary>The ids a directory holds.</summary>
internal sealed class DirectoryState
{
    /// <summary>Kept in ordinal order.</summary>
    public List<string> Ids { get; set; } = [];
}
