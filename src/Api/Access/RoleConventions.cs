using Helpdesk.Api.Common;
using Helpdesk.Grains.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Helpdesk.Api.Access;

/// <summary>Which roles may call an endpoint: every endpoint names its roles (an admin may do everything), or says it is public.</summary>
public static class RoleConventions
{
    /// <summary>Only callers with one of <paramref name="roles"/>, or an admin.</summary>
    public static TBuilder AllowedTo<TBuilder>(this TBuilder builder, params Role[] roles) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(new AuthorizeAttribute { Roles = RoleList(roles) });

    /// <summary>The roles' names as <see cref="AuthorizeAttribute.Roles"/> takes them, admin included.</summary>
    private static string RoleList(IEnumerable<Role> roles) => string.Join(",", roles.Append(Role.Admin).Distinct().Select(EnumNames.Name));

    /// <summary>A GET that a stream ticket also opens, in its query (<c>?ticket=</c>) or its cookie: an event stream, the Orleans dashboard.</summary>
    public static TBuilder WithStreamTickets<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new StreamTickets());
}
