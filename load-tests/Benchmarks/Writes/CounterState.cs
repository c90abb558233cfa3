namespace Helpdesk.Benchmarks.Writes;

internal sealed class CounterState
{
    public long Counter { get; set; }
}
