using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Helpdesk.Api.Common;

/// <summary>
/// Lists in the OpenAPI document the refusals every operation may answer, all problem+json: 400 for fields at fault when it
/// reads a body or parameters, 404 for an unknown id in its path, 409 and 422 for a write the center's state or rules
/// refuse, and 503 while the cluster cannot answer. Operation-specific ones (412, 428, 401, 403, 429) are declared where
/// they arise.
/// </summary>
internal static class Refusals
{
    /// <summary>An operation transformer: adds the refusals the operation may answer and does not list yet.</summary>
    public static Task DescribeAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        var route = context.Description.RelativePath ?? "";
        if (!route.StartsWith("api/", StringComparison.Ordinal))
        {
            return Task.CompletedTask;
        }

        operation.Responses ??= [];
        var write = context.Description.HttpMethod is not ("GET" or "HEAD");
        if (operation.RequestBody is not null || operation.Parameters is { Count: > 0 })
        {
            Add(operation, "400", "Fields at fault, each named in errors.");
        }

        if (route.Contains('{', StringComparison.Ordinal))
        {
            Add(operation, "404", "No such id in the path.");
        }

        if (write)
        {
            Add(operation, "409", "Not allowed in the current state; the detail says why.");
            Add(operation, "422", "Well formed, but it names something that does not exist or breaks a rule.");
        }

        Add(operation, "503", "The cluster cannot answer for a moment (a silo joining or leaving, the database away); retry after Retry-After.");
        return Task.CompletedTask;
    }

    private static void Add(OpenApiOperation operation, string status, string description) =>
        operation.Responses!.TryAdd(status, new OpenApiResponse { Description = $"{description} (problem+json)" });
}
