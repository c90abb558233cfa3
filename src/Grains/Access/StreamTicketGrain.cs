using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Grains.Access;

/// <summary>Holds one stream ticket in memory until it expires, then lets its activation go.</summary>
[GrainType("stream-ticket")]
internal sealed class StreamTicketGrain([FromKeyedServices(TimeProviderNames.Grains)] TimeProvider time) : Grain, IStreamTicketGrain
{
    private StreamTicket? _ticket;

    public Task IssueAsync(Identity identity, string? credentialId, DateTimeOffset expiresAt)
    {
        _ticket = new StreamTicket(identity, credentialId, expiresAt);
        DelayDeactivation(expiresAt - time.GetUtcNow());
        return Task.CompletedTask;
    }

    public Task<StreamTicket?> ClaimAsync() => Task.FromResult(_ticket is { } ticket && ticket.ExpiresAt > time.GetUtcNow() ? ticket : null);
}
