using System.Security.Claims;
using Helpdesk.Api.Common;
using Helpdesk.Grains.Access;

namespace Helpdesk.Api.Access;

/// <summary>The authenticated caller of a request, as claims and back.</summary>
internal static class Caller
{
    /// <summary>The authentication type of every Helpdesk identity.</summary>
    public const string AuthenticationType = "helpdesk";

    /// <summary>The claim that holds an operator credential's operator id.</summary>
    public const string OperatorClaim = "helpdesk:operator";

    /// <summary>The claim that holds the API key's credential id.</summary>
    public const string CredentialClaim = "helpdesk:credential";

    /// <summary>A principal for <paramref name="identity"/>, from the API key <paramref name="credentialId"/> if one was used.</summary>
    public static ClaimsPrincipal Principal(Identity identity, string? credentialId)
    {
        List<Claim> claims = [new(ClaimTypes.Name, identity.Name), new(ClaimTypes.Role, EnumNames.Name(identity.Role))];
        if (identity.OperatorId is { } operatorId)
        {
            claims.Add(new Claim(OperatorClaim, operatorId));
        }

        if (credentialId is not null)
        {
            claims.Add(new Claim(CredentialClaim, credentialId));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, AuthenticationType, ClaimTypes.Name, ClaimTypes.Role));
    }

    /// <summary>Whom <paramref name="user"/> speaks for, or <see langword="null"/> when unauthenticated.</summary>
    public static Identity? IdentityOf(ClaimsPrincipal user)
    {
        if (user?.Identity is not { IsAuthenticated: true } || user.FindFirstValue(ClaimTypes.Role) is not { } role || !EnumNames.TryParse<Role>(role, out var parsed))
        {
            return null;
        }

        return new Identity(user.FindFirstValue(ClaimTypes.Name) ?? "unnamed", parsed, user.FindFirstValue(OperatorClaim));
    }

    /// <summary>The name that signs what <paramref name="user"/> does: history entries, loans, the audit trail.</summary>
    public static string NameOf(ClaimsPrincipal user) => user?.FindFirstValue(ClaimTypes.Name) ?? "unnamed";

    /// <summary>The API key <paramref name="user"/> came with, if any.</summary>
    public static string? CredentialOf(ClaimsPrincipal user) => user?.FindFirstValue(CredentialClaim);
}
