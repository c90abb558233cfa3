using System.Globalization;
using Helpdesk.Api.Common;
using Helpdesk.Grains.Access;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Api.Access;

/// <summary>
/// The audit trail: every call of an endpoint marked <see cref="Audited"/> (supervisors' and admins' actions) is stored
/// before it is answered, with who, when, what and from where; <c>GET /api/audit</c> lists it.
/// </summary>
public static class AuditTrail
{
    /// <summary>The widest span one listing covers.</summary>
    public static readonly TimeSpan MaxSpan = TimeSpan.FromDays(92);

    /// <summary>The span listed when the request names no <c>from</c>.</summary>
    public static readonly TimeSpan DefaultSpan = TimeSpan.FromDays(7);

    /// <summary>Marks the endpoints of <paramref name="builder"/> as actions the audit trail records.</summary>
    public static TBuilder Audited<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new AuditedAction());

    /// <summary>Maps <c>GET /api/audit</c>.</summary>
    public static IEndpointRouteBuilder MapAuditEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/audit", ListAsync).WithTags("Access").AllowedTo(Role.Admin)
            .WithSummary("The audit trail, oldest first: who did what, when and from where. Filters: from, to (default the last 7 days, at most 92), actor, role, action (part of the route); a page at a time (limit, after).");
        return endpoints;
    }

    /// <summary>Records the request's action, if its endpoint is audited and it did something, as its answer starts.</summary>
    public static Task RecordAsync(HttpContext context, RequestDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method)
            && context.GetEndpoint() is RouteEndpoint { RoutePattern.RawText: { } route } endpoint
            && endpoint.Metadata.GetMetadata<AuditedAction>() is not null
            && Caller.IdentityOf(context.User) is { } caller)
        {
            context.Response.OnStarting(() => StoreAsync(context, caller, $"{context.Request.Method} {route.TrimEnd('/')}"));
        }

        return next(context);
    }

    /// <summary>Stores <paramref name="entry"/> in the trail of its day.</summary>
    public static Task<AuditEntry> StoreAsync(IGrainFactory grains, AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(entry);
        return grains.GetGrain<IAuditDayGrain>(DayOf(entry.At)).RecordAsync(entry);
    }

    private static Task StoreAsync(HttpContext context, Identity caller, string action)
    {
        var at = context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        var entry = new AuditEntry("", at, caller.Name, caller.Role, Caller.CredentialOf(context.User), action, context.Request.Path, context.Response.StatusCode, context.Connection.RemoteIpAddress?.ToString());
        return StoreAsync(context.RequestServices.GetRequiredService<IGrainFactory>(), entry);
    }

    private static async Task<Results<Ok<List<AuditEntry>>, ValidationProblem>> ListAsync(
        HttpContext http,
        IGrainFactory grains,
        TimeProvider time,
        DateTimeOffset? from,
        DateTimeOffset? to,
        string? actor,
        string? role,
        string? action,
        int? limit,
        string? after)
    {
        var check = new Validator();
        var size = Listing.ReadPage(check, limit, after);
        var end = to ?? time.GetUtcNow().AddTicks(1);
        var start = from ?? end - DefaultSpan;
        if (end <= start)
        {
            check.Add("to", "Must be after from.");
        }
        else if (end - start > MaxSpan)
        {
            check.Add("from", $"List at most {MaxSpan.TotalDays} days at once.");
        }

        var asRole = check.Named<Role>("role", role);
        check.Text("actor", actor, 200);
        check.Text("action", action, 200);

        if (!check.IsValid)
        {
            return check.ValidationProblem();
        }

        var filter = new AuditFilter(actor, asRole, action, start, end);
        var page = new List<AuditEntry>();
        for (var day = start.UtcDateTime.Date; day < end.UtcDateTime && page.Count <= size; day = day.AddDays(1))
        {
            // A day before the cursor's holds nothing after it.
            var key = DayOf(day);
            if (after is null || string.CompareOrdinal(key, 0, after, 0, key.Length) >= 0)
            {
                page.AddRange(await grains.GetGrain<IAuditDayGrain>(key).PageAsync(filter, after, size + 1 - page.Count));
            }
        }

        if (page.Count > size)
        {
            page.RemoveAt(size);
            Listing.LinkNext(http, size, page[^1].Id);
        }

        return TypedResults.Ok(page);
    }

    /// <summary>The audit grain of the UTC day of <paramref name="at"/>, which is also how its entries' ids begin.</summary>
    private static string DayOf(DateTimeOffset at) => at.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    /// <summary>Marks an audited endpoint.</summary>
    private sealed class AuditedAction;
}
