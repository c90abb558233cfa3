using Orleans.Concurrency;

namespace Helpdesk.Grains.Access;

/// <summary>The audit trail of one UTC day (key <c>yyyyMMdd</c>, how its entries' ids begin), kept durably.</summary>
[Alias("helpdesk.IAuditDayGrain")]
public interface IAuditDayGrain : IGrainWithStringKey
{
    /// <summary>Records an action (its <see cref="AuditEntry.Id"/> is given here) and answers once it is stored.</summary>
    [Alias("RecordAsync")]
    Task<AuditEntry> RecordAsync(AuditEntry entry);

    /// <summary>At most <paramref name="limit"/> entries after <paramref name="after"/>, in order, that <paramref name="filter"/> selects.</summary>
    [Alias("PageAsync"), ReadOnly]
    Task<IReadOnlyList<AuditEntry>> PageAsync(AuditFilter filter, string? after, int limit);
}

/// <summary>Which audit entries to list.</summary>
/// <param name="Actor">Only this actor's.</param>
/// <param name="Role">Only this role's.</param>
/// <param name="Action">Only actions whose route contains this text (<c>move</c>, <c>/api/credentials</c>).</param>
/// <param name="From">Only at or after.</param>
/// <param name="To">Only before.</param>
[GenerateSerializer, Alias("helpdesk.AuditFilter")]
public sealed record AuditFilter(
    [property: Id(0)] string? Actor,
    [property: Id(1)] Role? Role,
    [property: Id(2)] string? Action,
    [property: Id(3)] DateTimeOffset From,
    [property: Id(4)] DateTimeOffset To)
{
    /// <summary>Whether <paramref name="entry"/> is one to list.</summary>
    public bool Selects(AuditEntry entry) =>
        entry is not null
        && entry.At >= From && entry.At < To
        && (Actor is null || entry.Actor == Actor)
        && (Role is null || entry.Role == Role)
        && (Action is null || entry.Action.Contains(Action, StringComparison.OrdinalIgnoreCase));
}
