namespace Helpdesk.Grains.Access;

/// <summary>One supervisor or admin action, as the audit trail keeps it.</summary>
/// <param name="Id">Its id: the day and its number that day (<c>20261205-000042</c>), in the order actions were recorded.</param>
/// <param name="At">When it was answered.</param>
/// <param name="Actor">Who: the credential's name.</param>
/// <param name="Role">Their role.</param>
/// <param name="CredentialId">The API key used, or <see langword="null"/> for a configured key or an identity provider's token.</param>
/// <param name="Action">What, as the route (<c>POST /api/operators/{id}/move</c>).</param>
/// <param name="Target">The path acted on (<c>/api/operators/ann/move</c>).</param>
/// <param name="Status">The HTTP status it was answered with.</param>
/// <param name="From">From where: the client's address.</param>
[GenerateSerializer, Alias("helpdesk.AuditEntry")]
public sealed record AuditEntry(
    [property: Id(0)] string Id,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string Actor,
    [property: Id(3)] Role Role,
    [property: Id(4)] string? CredentialId,
    [property: Id(5)] string Action,
    [property: Id(6)] string Target,
    [property: Id(7)] int Status,
    [property: Id(8)] string? From);
