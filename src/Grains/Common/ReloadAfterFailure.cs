namespace Helpdesk.Grains.Common;

/// <summary>A call to one of our grains that fails part-way leaves nothing behind in memory: the activation is dropped and the next call reloads the stored state.</summary>
/// <remarks>
/// A grain changes its state in memory and then calls other grains, reminders and storage before it writes. When one of
/// those fails (a silo dying, a department that cannot be activated, the database), the change was never stored nor
/// acknowledged, so it must not be answered from memory either: a ticket whose operator was cleared in memory but not
/// in storage would refuse that operator's next try and never free them. Refusals are <see cref="Reply{T}"/> values,
/// not exceptions, so every exception here is such a failure; only a caller's own cancellation (a desktop closing its
/// long poll) is not.
/// <para>
/// A rejection of a call the grain made (its target's silo stopping or unreachable) goes on as an
/// <see cref="OrleansException"/>: to the grain's own caller a rejection means "not delivered, never ran", and the API
/// repeats such requests. This call ran, and may have written before it failed: repeated, a customer's confirmation was
/// refused as already confirmed.
/// </para>
/// </remarks>
internal sealed class ReloadAfterFailure : IIncomingGrainCallFilter
{
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            await context.Invoke();
        }
        catch (Exception exception) when (IsOurs(context) && !CancelledByCaller(context, exception))
        {
            context.TargetContext.Deactivate(new DeactivationReason(DeactivationReasonCode.ApplicationError, exception, "A call failed part-way; the stored state is read again on the next call."));
            var failure = ForCaller(exception);
            if (failure != exception)
            {
                throw failure;
            }

            throw;
        }
    }

    /// <summary>What the caller of a call that failed with <paramref name="exception"/> is told: a rejection of a call it made, as a failure.</summary>
    internal static Exception ForCaller(Exception exception) =>
        exception is OrleansMessageRejectionException rejected ? new OrleansException($"A call it made was not delivered: {rejected.Message}", rejected) : exception;

    private static bool IsOurs(IIncomingGrainCallContext context) => context.Grain?.GetType().Assembly == typeof(ReloadAfterFailure).Assembly;

    private static bool CancelledByCaller(IIncomingGrainCallContext context, Exception exception)
    {
        if (exception is not OperationCanceledException)
        {
            return false;
        }

        for (var i = 0; i < context.Request.GetArgumentCount(); i++)
        {
            if (context.Request.GetArgument(i) is CancellationToken { IsCancellationRequested: true })
            {
                return true;
            }
        }

        return false;
    }
}
