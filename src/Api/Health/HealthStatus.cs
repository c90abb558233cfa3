namespace Helpdesk.Api.Health;

/// <summary>The answer of a health endpoint that is up.</summary>
/// <param name="Status">Always <c>up</c>.</param>
/// <param name="Detail">What was checked.</param>
public sealed record HealthStatus(string Status, string Detail);
