
namespace Helpdesk.Benchmarks.Writes;

internal sealed class CounterGrain([PersistentState("s")] IPersistentState<CounterState> state) : Grain, ICounterGrain
{
    public async Task<long> Increment()
    {
        state.State.Counter++;
        await state.WriteStateAsync();
        return state.State.Counter;
    }
}
