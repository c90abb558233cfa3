namespace Helpdesk.Grains.Routing;

/// <summary>The outcome of choosing an operator: candidates best first, or why the contact has to wait.</summary>
/// <param name="Ranked">Eligible operators who are free now, best first; empty when the contact waits.</param>
/// <param name="Rule">The rule that ordered them, or kept the contact waiting.</param>
public sealed record Selection(IReadOnlyList<Candidate> Ranked, string Rule)
{
    /// <summary>A contact that has to wait, and why.</summary>
    public static Selection Wait(string reason) => new([], reason);
}
