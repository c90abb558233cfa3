using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Helpdesk.Api.Access;

/// <summary>Says in the OpenAPI document how to authenticate and which roles each operation needs.</summary>
internal static class AccessDocument
{
    /// <summary>The name of the bearer scheme in the document.</summary>
    public const string Scheme = "bearer";

    /// <summary>Declares the bearer scheme: an API key or an identity provider's token.</summary>
    public static Task DeclareSchemeAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[Scheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "An API key (hd_…, from POST /api/credentials) or a token of the center's identity provider, as 'Authorization: Bearer …'.",
        };
        return Task.CompletedTask;
    }

    /// <summary>Marks an operation that needs a role with the scheme, the roles (<c>x-roles</c>, also in its description) and its 401 and 403.</summary>
    public static Task DescribeRolesAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<IAllowAnonymous>().Any() || metadata.OfType<IAuthorizeData>().LastOrDefault(data => data.Roles is not null)?.Roles is not { } roles)
        {
            return Task.CompletedTask;
        }

        operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Scheme, context.Document)] = [] }];
        operation.Extensions ??= new Dictionary<string, IOpenApiExtension>();
        var names = roles.Split(',');
        operation.Extensions["x-roles"] = new JsonNodeExtension(new System.Text.Json.Nodes.JsonArray([.. names.Select(name => (System.Text.Json.Nodes.JsonNode)name)]));
        operation.Description = $"{operation.Description}{(string.IsNullOrEmpty(operation.Description) ? "" : " ")}Roles: {string.Join(", ", names)}.".Trim();
        operation.Responses ??= [];
        operation.Responses.TryAdd("401", new OpenApiResponse { Description = "No credential, or one not known, revoked or expired (problem+json)." });
        operation.Responses.TryAdd("403", new OpenApiResponse { Description = "The credential's role may not do this, or an operator acted as another (problem+json)." });
        operation.Responses.TryAdd("429", new OpenApiResponse { Description = "Over the credential's rate; see Retry-After (problem+json)." });
        return Task.CompletedTask;
    }
}
