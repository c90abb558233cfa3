
namespace Helpdesk.Benchmarks.Calls;

internal sealed class PingGrain : Grain, IPingGrain
{
    public Task<int> Ping(int value) => Task.FromResult(value + 1);
}
