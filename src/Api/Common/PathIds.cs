using Microsoft.AspNetCore.Http;

namespace Helpdesk.Api.Common;

/// <summary>Refuses a request whose path names an id that breaks the id rule (<see cref="Validator.Id"/>), as the same id in a body is refused.</summary>
/// <remarks>
/// Route values named <c>id</c> or <c>…Id</c> are ids, each checked under its own name before anything reaches a grain;
/// a balancer proposal is named by the balancer (<c>{proposal}</c>).
/// </remarks>
internal sealed class PathIds : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var check = new Validator();
        foreach (var (name, value) in context.HttpContext.Request.RouteValues)
        {
            if (name == "id" || name.EndsWith("Id", StringComparison.Ordinal))
            {
                check.Id(name, value as string);
            }
        }

        return check.IsValid ? await next(context) : check.Problem();
    }
}
