namespace Helpdesk.Grains.Common;

/// <summary>Sends a grain's own call again, a few times and soon, when it was not delivered because its target's silo is stopping.</summary>
/// <remarks>
/// Without it, a grain whose call met a stopping silo failed, and the request that called it answered 503 although no
/// silo died (<see cref="Redelivery"/> says which failures qualify). Calls from outside a grain, the API's, are repeated by
/// the API itself, request by request.
/// </remarks>
internal sealed class RedeliverUndeliveredCalls(TimeProvider time) : IOutgoingGrainCallFilter
{
    public async Task Invoke(IOutgoingGrainCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        await context.Invoke();
        if (context.SourceId is null)
        {
            return;
        }

        for (var attempt = 0; attempt < Redelivery.Pauses.Count && Redelivery.NeverRan(context.Response?.Exception); attempt++)
        {
            await Task.Delay(Redelivery.Pauses[attempt], time);
            await context.Invoke();
        }
    }
}
