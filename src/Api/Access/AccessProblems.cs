using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Api.Access;

/// <summary>The problem+json answers of authentication and authorization: 401, 403 and 429.</summary>
internal static class AccessProblems
{
    /// <summary>Writes a problem with <paramref name="status"/>.</summary>
    public static async Task WriteAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }

    /// <summary>Which roles the endpoint of <paramref name="context"/> needs, in words.</summary>
    public static string RolesNeeded(HttpContext context)
    {
        var roles = context.GetEndpoint()?.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(data => data.Roles).LastOrDefault(roles => roles is not null);
        return roles is null ? "Your role may not do this." : $"This needs the role {roles.Replace(",", " or ", StringComparison.Ordinal)}.";
    }
}
