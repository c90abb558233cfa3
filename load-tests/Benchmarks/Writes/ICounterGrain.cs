
namespace Helpdesk.Benchmarks.Writes;

/// <summary>A grain whose every call is one durable write.</summary>
[Alias("benchmarks.ICounterGrain")]
internal interface ICounterGrain : IGrainWithStringKey
{
    /// <summary>Adds one to the counter, writes the state, and returns the new count.</summary>
    [Alias("Increment")]
    Task<long> Increment();
}
