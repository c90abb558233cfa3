using Helpdesk.Grains.Common;
using Helpdesk.Grains.Directory;

namespace Helpdesk.Api.Common;

/// <summary>Lists the grains a directory names.</summary>
internal static class Listing
{
    /// <summary>Every grain in <paramref name="directory"/>, fetched together; ids whose grain is gone are left out.</summary>
    public static async Task<List<T>> AllAsync<T>(IGrainFactory grains, string directory, Func<string, Task<Reply<T>>> get)
    {
        var ids = await grains.GetGrain<IDirectoryGrain>(directory).ListAsync();
        var replies = await Task.WhenAll(ids.Select(get));
        return [.. replies.Where(reply => reply.Value is not null).Select(reply => reply.Value!)];
    }
}
