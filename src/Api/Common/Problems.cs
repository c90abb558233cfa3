using Helpdesk.Grains.Common;
using Microsoft.AspNetCore.Http;

namespace Helpdesk.Api.Common;

/// <summary>Turns grain replies and validation errors into HTTP results: every refusal is ProblemDetails.</summary>
internal static class Problems
{
    /// <summary>200 with the value, or the problem the reply names.</summary>
    public static IResult From<T>(Reply<T> reply) => reply.Status == ReplyStatus.Ok ? TypedResults.Ok(reply.Value) : Refusal(reply);

    /// <summary>The problem for a refused reply: 404, 409, or 422 naming the field.</summary>
    public static IResult Refusal<T>(Reply<T> reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        return reply.Status switch
        {
            ReplyStatus.NotFound => TypedResults.Problem(reply.Error, statusCode: StatusCodes.Status404NotFound, title: "Not found"),
            ReplyStatus.Conflict => TypedResults.Problem(reply.Error, statusCode: StatusCodes.Status409Conflict, title: "Not allowed now"),
            ReplyStatus.Stale => TypedResults.Problem(reply.Error, statusCode: StatusCodes.Status412PreconditionFailed, title: "Changed meanwhile"),
            _ => TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]> { [reply.Field ?? "request"] = [reply.Error ?? "Invalid."] })
            {
                Status = StatusCodes.Status422UnprocessableEntity,
                Title = "The request cannot be carried out as given",
            }),
        };
    }

    /// <summary>403: the caller may call the endpoint, but not for this.</summary>
    public static IResult Forbidden(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status403Forbidden, title: "Not allowed");

    /// <summary>404 for an unknown id in the path.</summary>
    public static IResult NotFound(string what) => TypedResults.Problem(what, statusCode: StatusCodes.Status404NotFound, title: "Not found");
}
