
namespace Helpdesk.Benchmarks.Calls;

/// <summary>The least a grain call can do: no state, no I/O.</summary>
[Alias("benchmarks.IPingGrain")]
internal interface IPingGrain : IGrainWithStringKey
{
    [Alias("Ping")]
    Task<int> Ping(int value);
}
