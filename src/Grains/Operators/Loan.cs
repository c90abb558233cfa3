namespace Helpdesk.Grains.Operators;

/// <summary>An operator lent to another department, alone or as a reserve; they finish the contacts they hold.</summary>
/// <param name="Department">The department they serve meanwhile.</param>
/// <param name="Since">When the loan began.</param>
/// <param name="Until">When they go back by themselves; <see langword="null"/> until recalled.</param>
/// <param name="Reason">Why, in words.</param>
/// <param name="By">Who lent them: a supervisor's id or the balancer.</param>
/// <param name="KeepsHome">
/// Whether they are lent as a reserve: they still take their own departments' contacts first, and the borrower's in the time those
/// leave free; else they take the borrower's contacts alone.
/// </param>
/// <param name="InReturnFor">
/// The reserve this one answers: a department holding another's reserve lends one of its own back, who goes home when that reserve
/// does; <see langword="null"/> for any other loan.
/// </param>
[GenerateSerializer, Alias("helpdesk.Loan")]
public sealed record Loan(
    [property: Id(0)] string Department,
    [property: Id(1)] DateTimeOffset Since,
    [property: Id(2)] DateTimeOffset? Until,
    [property: Id(3)] string Reason,
    [property: Id(4)] string By,
    [property: Id(5)] bool KeepsHome = false,
    [property: Id(6)] string? InReturnFor = null);
