using Helpdesk.Runtime.Core;

namespace Helpdesk.Benchmarks.Calls;

/// <summary>The least a grain call can do: no state, no I/O.</summary>
internal interface IPingGrain : IGrainWithStringKey
{
    Task<int> Ping(int value);
}
