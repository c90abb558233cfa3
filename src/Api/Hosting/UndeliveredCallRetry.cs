using Helpdesk.Grains.Common;
using Microsoft.AspNetCore.Http;

namespace Helpdesk.Api.Hosting;

/// <summary>Runs a request again, a few times and soon, when one of its grain calls was not delivered because a silo is stopping.</summary>
/// <remarks>
/// Repeating the request here, after a pause for the hand-over, answers it without the caller ever seeing the 503 it would
/// otherwise get; through nginx, which never resends a POST, that 503 would be the client's failure. A request is
/// repeated only while nothing of its answer has been sent, and only for a failure that says its call never ran
/// (<see cref="Redelivery"/>), or, for a GET, which changes nothing, a call cut off with its silo; after the last pause
/// the 503 stands, with its <c>Retry-After</c>. Creations keep their id across the attempts of one request all the same.
/// </remarks>
internal sealed class UndeliveredCallRetry(TimeProvider time) : IEndpointFilter
{
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
            catch (OrleansMessageRejectionException exception) when (Repeatable(http.Request, exception) && attempt < Redelivery.Pauses.Count && !http.Response.HasStarted)
            {
                await Task.Delay(Redelivery.Pauses[attempt], time, http.RequestAborted);
            }
        }
    }

    private static bool Repeatable(HttpRequest request, OrleansMessageRejectionException exception) =>
        Redelivery.NeverRan(exception) || (HttpMethods.IsGet(request.Method) && exception is SiloUnavailableException);
}
