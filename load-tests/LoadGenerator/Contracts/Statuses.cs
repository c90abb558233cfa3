namespace Helpdesk.LoadGenerator.Contracts;

/// <summary>The ticket statuses the generator meets, as the API spells them.</summary>
internal static class Statuses
{
    public const string Queued = "queued";
    public const string Offered = "offered";
    public const string InProgress = "in_progress";
    public const string SolutionProposed = "solution_proposed";
    public const string Confirmed = "confirmed";
    public const string Rejected = "rejected";
    public const string Abandoned = "abandoned";
}
