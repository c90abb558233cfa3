using System.Threading.Channels;

namespace Helpdesk.Benchmarks.Calls;

/// <summary>The ceiling for grain calls: a bare actor, one channel and one reader loop, doing what <see cref="PingGrain"/> does.</summary>
/// <remarks>
/// Like a grain call, the caller's continuation never runs inside the actor's loop
/// (<see cref="TaskCreationOptions.RunContinuationsAsynchronously"/>), so both sides pay the same two thread-pool hops a call.
/// </remarks>
internal sealed class ChannelActor : IAsyncDisposable
{
    private readonly Channel<PingRequest> _mailbox = Channel.CreateUnbounded<PingRequest>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _loop;

    public ChannelActor() => _loop = Task.Run(ReceiveAsync);

    public Task<int> Ping(int value)
    {
        var request = new PingRequest(value, new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously));
        return _mailbox.Writer.TryWrite(request)
            ? request.Reply.Task
            : Task.FromException<int>(new ObjectDisposedException(nameof(ChannelActor), "The actor was stopped; no call reaches it any more."));
    }

    public async ValueTask DisposeAsync()
    {
        _mailbox.Writer.TryComplete();
        await _loop;
    }

    private async Task ReceiveAsync()
    {
        var reader = _mailbox.Reader;
        while (await reader.WaitToReadAsync())
        {
            while (reader.TryRead(out var request))
            {
                request.Reply.TrySetResult(request.Value + 1);
            }
        }
    }
}
