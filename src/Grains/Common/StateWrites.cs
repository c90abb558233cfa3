
namespace Helpdesk.Grains.Common;

/// <summary>How the contact center's grains write their state.</summary>
internal static class StateWrites
{
    /// <summary>Writes the state; if the write fails, the grain is reloaded from storage before its next call.</summary>
    /// <remarks>
    /// A grain changes its state in memory before writing it. When the write fails (the database is down, the
    /// partition moved), the change was never acknowledged, so it must not be answered from memory either.
    /// </remarks>
    public static async Task SaveAsync<TState>(this IPersistentState<TState> state, Action deactivateOnIdle)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(deactivateOnIdle);
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            deactivateOnIdle();
            throw;
        }
    }
}
