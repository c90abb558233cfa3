namespace Helpdesk.Benchmarks.Measurement;

/// <summary>How one call that creates a contact ended: placed (offered to an operator, or queued), or refused and why.</summary>
internal readonly record struct Outcome(bool Placed, bool Offered, string? Failure)
{
    public static Outcome Offer { get; } = new(true, true, null);

    public static Outcome Queue { get; } = new(true, false, null);

    public static Outcome Refused(string why) => new(false, false, why);
}
