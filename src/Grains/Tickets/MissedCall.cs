namespace Helpdesk.Grains.Tickets;

/// <summary>A call nobody answered, as the telephony reports it.</summary>
/// <param name="CustomerId">Who called.</param>
/// <param name="At">When.</param>
/// <param name="Department">The department called.</param>
/// <param name="OperatorId">The operator it was meant for, if any.</param>
/// <param name="Topic">What about, if the IVR knows.</param>
public sealed record MissedCall(string CustomerId, DateTimeOffset At, string Department, string? OperatorId, string? Topic);
