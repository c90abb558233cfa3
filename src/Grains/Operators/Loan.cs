namespace Helpdesk.Grains.Operators;

/// <summary>An operator lent to another department: they take its contacts alone, and finish the ones they hold.</summary>
/// <param name="Department">The department they serve meanwhile.</param>
/// <param name="Since">When the loan began.</param>
/// <param name="Until">When they go back by themselves; <see langword="null"/> until recalled.</param>
/// <param name="Reason">Why, in words.</param>
/// <param name="By">Who lent them: a supervisor's id or the balancer.</param>
public sealed record Loan(string Department, DateTimeOffset Since, DateTimeOffset? Until, string Reason, string By);
