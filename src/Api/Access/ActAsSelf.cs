using Helpdesk.Api.Common;
using Helpdesk.Grains.Access;
using Microsoft.AspNetCore.Http;

namespace Helpdesk.Api.Access;

/// <summary>A request made by or for one operator, who is named in its body.</summary>
internal interface IActsAsOperator
{
    /// <summary>The operator named, if any.</summary>
    string? OperatorId { get; }

    /// <summary>The same request made by the operator <paramref name="operatorId"/>, or <see langword="null"/> when an operator may not make it.</summary>
    IActsAsOperator? MadeBy(string operatorId);
}

/// <summary>
/// An operator acts as themselves: their id comes from their credential, never from the request. A body that names no
/// operator gets theirs; one that names another, or a path with another operator's id, is refused with 403. An
/// integration, which acts for customers, may not name an operator either.
/// </summary>
internal sealed class ActAsSelf : IEndpointFilter
{
    /// <summary>Applies to the route value <c>id</c> too: for routes under <c>/api/operators/{id}</c>.</summary>
    private readonly bool _pathNamesOperator;

    private ActAsSelf(bool pathNamesOperator) => _pathNamesOperator = pathNamesOperator;

    /// <summary>For requests whose body may name an operator.</summary>
    public static ActAsSelf InBody { get; } = new(false);

    /// <summary>For routes under <c>/api/operators/{id}</c> as well.</summary>
    public static ActAsSelf InPath { get; } = new(true);

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var caller = Caller.IdentityOf(context.HttpContext.User);
        if (caller is { Role: Role.Operator, OperatorId: { } self })
        {
            if (_pathNamesOperator && context.HttpContext.Request.RouteValues["id"] is string named && named != self)
            {
                return Problems.Forbidden($"You act as operator {self} only.");
            }

            for (var i = 0; i < context.Arguments.Count; i++)
            {
                if (context.Arguments[i] is IActsAsOperator request)
                {
                    if (request.OperatorId is { } other && other != self)
                    {
                        return Problems.Forbidden($"You act as operator {self} only; leave out operatorId or name yourself.");
                    }

                    if (request.MadeBy(self) is not { } own)
                    {
                        return Problems.Forbidden("An operator may not make this request.");
                    }

                    context.Arguments[i] = own;
                }
            }
        }
        else if (caller is { Role: Role.Integration } && context.Arguments.Any(argument => argument is IActsAsOperator { OperatorId: not null }))
        {
            return Problems.Forbidden("An integration acts for customers, not for operators.");
        }

        return await next(context);
    }
}
