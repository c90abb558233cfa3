namespace Helpdesk.LoadGenerator.Contracts;

/// <summary>One SLA violation of <c>GET /api/violations</c>, as far as the final check reads it.</summary>
/// <param name="Id">Unique per contact, status entry and degree: <c>contact:entry:degree</c>.</param>
/// <param name="ContactId">The contact that crossed the threshold.</param>
internal sealed record ViolationView(string Id, string ContactId);
