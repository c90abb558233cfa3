using Orleans.Concurrency;

namespace Helpdesk.Grains.Access;

/// <summary>
/// A short-lived ticket that opens event streams for a browser's <c>EventSource</c>, which cannot send headers: keyed by
/// the SHA-256 of the ticket, held in memory only (a ticket lost with its silo is asked for again).
/// </summary>
[Alias("helpdesk.IStreamTicketGrain")]
public interface IStreamTicketGrain : IGrainWithStringKey
{
    /// <summary>Issues the ticket for <paramref name="identity"/> until <paramref name="expiresAt"/>; <paramref name="credentialId"/> ties it to an API key, whose revocation ends it.</summary>
    [Alias("IssueAsync")]
    Task IssueAsync(Identity identity, string? credentialId, DateTimeOffset expiresAt);

    /// <summary>The ticket while it is valid, or <see langword="null"/>.</summary>
    [Alias("ClaimAsync"), ReadOnly]
    Task<StreamTicket?> ClaimAsync();
}

/// <summary>Whom a stream ticket speaks for.</summary>
/// <param name="Identity">The caller who asked for it.</param>
/// <param name="CredentialId">Their API key's id, if they used one.</param>
/// <param name="ExpiresAt">Until when it opens streams.</param>
[GenerateSerializer, Alias("helpdesk.StreamTicket")]
public sealed record StreamTicket(
    [property: Id(0)] Identity Identity,
    [property: Id(1)] string? CredentialId,
    [property: Id(2)] DateTimeOffset ExpiresAt);
