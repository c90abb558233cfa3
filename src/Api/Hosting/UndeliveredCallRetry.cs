using Microsoft.AspNetCore.Http;

namespace Helpdesk.Api.Hosting;

/// <summary>Runs a request again, a few times and soon, when one of its grain calls was not delivered because a silo is stopping.</summary>
/// <remarks>
/// While a silo stops, it hands its grains over to the others; a call that reaches it is rejected
/// (<see cref="OrleansMessageRejectionException"/>: "Silo stopping") and was not run. Repeating the request here, after a
/// pause for the hand-over, answers it without the caller ever seeing the 503 it would otherwise get; through nginx,
/// which never resends a POST, that 503 would be the client's failure. A request is repeated only while nothing of its
/// answer has been sent; after the last pause the 503 stands, with its <c>Retry-After</c>. A
/// <see cref="SiloUnavailableException"/> is not repeated: it also stands for a call cut off when its silo died, which may
/// have run, and only the caller can tell a repeat's refusal ("already confirmed") from a real one. Nor is a rejection
/// met further on, by a call the grain made: that grain ran, and it reaches here as an <see cref="OrleansException"/>
/// (<c>ReloadAfterFailure</c>). Creations keep their
/// id across the attempts of one request all the same.
/// </remarks>
internal sealed class UndeliveredCallRetry(TimeProvider time) : IEndpointFilter
{
    /// <summary>The pauses before each repeat: about 1.5 s in all, longer than a grain's hand-over takes.</summary>
    internal static readonly TimeSpan[] Pauses = [TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(400), TimeSpan.FromMilliseconds(800)];

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await next(context);
            }
            catch (OrleansMessageRejectionException exception) when (exception is not SiloUnavailableException && attempt < Pauses.Length && !http.Response.HasStarted)
            {
                await Task.Delay(Pauses[attempt], time, http.RequestAborted);
            }
        }
    }
}
