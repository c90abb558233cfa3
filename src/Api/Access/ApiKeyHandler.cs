using System.Security.Claims;
using System.Text.Encodings.Web;
using Helpdesk.Grains.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Helpdesk.Api.Access;

/// <summary>
/// Authenticates <c>Authorization: Bearer …</c>: an API key (checked by its credential's grain, or in a silo by what
/// that grain answered lately, which a revocation clears on every silo at once), the configured admin key, or a token of
/// the center's identity provider; and, for GETs of event streams and the Orleans dashboard alone, a ticket
/// (<see cref="StreamTickets"/>) in the query (<c>?ticket=</c>) or its cookie, since a browser's <c>EventSource</c> and
/// pages send no headers. Refusals are problem+json.
/// </summary>
internal sealed class ApiKeyHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptions<AccessOptions> access,
    IGrainFactory grains,
    VerifiedKeys? verified = null) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>The scheme's name.</summary>
    public const string SchemeName = "helpdesk";

    /// <summary>The scheme that reads identity providers' tokens, when one is configured.</summary>
    public const string TokenScheme = "idp";

    /// <summary>The query parameter that carries a stream ticket.</summary>
    public const string TicketParameter = "ticket";

    private static readonly AuthenticateResult Unknown = AuthenticateResult.Fail("The key is not known, or it was revoked.");

    private readonly byte[]? _adminKeyHash = string.IsNullOrEmpty(access.Value.AdminKey) ? null : ApiKey.Hash(access.Value.AdminKey);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (access.Value.Disabled)
        {
            return Success(new Identity("anonymous", Role.Admin), null);
        }

        if (BearerToken() is { } token)
        {
            return await KeyAsync(token);
        }

        if (HttpMethods.IsGet(Request.Method) && Context.GetEndpoint()?.Metadata.GetMetadata<StreamTickets>() is not null)
        {
            if (Request.Query[TicketParameter] is [{ } inQuery])
            {
                return await TicketAsync(inQuery, fromQuery: true);
            }

            if (Request.Cookies[StreamTickets.Cookie] is { } inCookie)
            {
                return await TicketAsync(inCookie, fromQuery: false);
            }
        }

        return AuthenticateResult.NoResult();
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        var result = await HandleAuthenticateOnceSafeAsync();
        await AccessProblems.WriteAsync(
            Context,
            StatusCodes.Status401Unauthorized,
            "Not authenticated",
            result.Failure?.Message ?? "Send an API key or a token as 'Authorization: Bearer …'.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        AccessProblems.WriteAsync(Context, StatusCodes.Status403Forbidden, "Not allowed", AccessProblems.RolesNeeded(Context));

    private string? BearerToken()
    {
        var header = Request.Headers[HeaderNames.Authorization].ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }

    private async Task<AuthenticateResult> KeyAsync(string token)
    {
        if (_adminKeyHash is not null && ApiKey.Matches(_adminKeyHash, ApiKey.Hash(token)))
        {
            return Success(new Identity("admin", Role.Admin), null);
        }

        if (ApiKey.TryParse(token, out var id, out var hash))
        {
            return await VerifyAsync(id, hash) is { } credential
                ? Success(new Identity(credential.Name, credential.Role, credential.OperatorId), credential.Id)
                : Unknown;
        }

        return access.Value.AcceptsTokens ? await TokenAsync() : Unknown;
    }

    /// <summary>The credential of a valid key: remembered by this silo, or asked of its grain (and then remembered).</summary>
    private async ValueTask<Credential?> VerifyAsync(string id, byte[] hash)
    {
        if (verified is null)
        {
            return await grains.GetGrain<ICredentialGrain>(id).VerifyAsync(hash);
        }

        if (verified.Find(id, hash) is { } known)
        {
            return known;
        }

        var forgotten = verified.Forgotten;
        var credential = await grains.GetGrain<ICredentialGrain>(id).VerifyAsync(hash);
        if (credential is not null)
        {
            verified.Remember(credential, hash, forgotten);
        }

        return credential;
    }

    private async Task<AuthenticateResult> TokenAsync()
    {
        var result = await Context.AuthenticateAsync(TokenScheme);
        if (result.Principal is not { } principal)
        {
            return AuthenticateResult.Fail(result.Failure?.Message ?? "The token was not accepted.");
        }

        var settings = access.Value;
        var role = principal.FindFirstValue(settings.RoleClaim);
        if (!Common.EnumNames.TryParse<Role>(role, out var parsed))
        {
            return AuthenticateResult.Fail($"The token's '{settings.RoleClaim}' claim names no role (integration, operator, supervisor or admin).");
        }

        var operatorId = principal.FindFirstValue(settings.OperatorClaim);
        if (parsed == Role.Operator && string.IsNullOrEmpty(operatorId))
        {
            return AuthenticateResult.Fail($"An operator's token names their operator in the '{settings.OperatorClaim}' claim.");
        }

        var name = principal.FindFirstValue(settings.NameClaim) ?? principal.Identity?.Name ?? "unnamed";
        return Success(new Identity(name, parsed, parsed == Role.Operator ? operatorId : null), null);
    }

    /// <summary>A ticket's caller; one that came in the query is set as the cookie, so that a page's own requests carry it.</summary>
    private async Task<AuthenticateResult> TicketAsync(string ticket, bool fromQuery)
    {
        var claimed = await grains.GetGrain<IStreamTicketGrain>(StreamTickets.KeyOf(ticket)).ClaimAsync();
        if (claimed is null)
        {
            return AuthenticateResult.Fail("The stream ticket is not known, or it expired; ask POST /api/stream-tickets for a new one.");
        }

        if (claimed.CredentialId is { } credentialId && !await grains.GetGrain<ICredentialGrain>(credentialId).IsActiveAsync())
        {
            return Unknown;
        }

        if (fromQuery)
        {
            StreamTickets.SetCookie(Response, ticket, claimed.ExpiresAt);
        }

        return Success(claimed.Identity, claimed.CredentialId);
    }

    private AuthenticateResult Success(Identity identity, string? credentialId) =>
        AuthenticateResult.Success(new AuthenticationTicket(Caller.Principal(identity, credentialId), SchemeName));
}
