using Helpdesk.Runtime.Core;

namespace Helpdesk.Benchmarks.Writes;

/// <summary>A grain whose every call is one durable write.</summary>
internal interface ICounterGrain : IGrainWithStringKey
{
    /// <summary>Adds one to the counter, writes the state, and returns the new count.</summary>
    Task<long> Increment();
}
