namespace Helpdesk.Grains.Tickets;

/// <summary>A call nobody answered, as the telephony reports it.</summary>
/// <param name="CustomerId">Who called.</param>
/// <param name="At">When.</param>
/// <param name="Department">The department called.</param>
/// <param name="OperatorId">The operator it was meant for, if any.</param>
/// <param name="Topic">What about, if the IVR knows.</param>
[GenerateSerializer, Alias("helpdesk.MissedCall")]
public sealed record MissedCall(
    [property: Id(0)] string CustomerId,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string Department,
    [property: Id(3)] string? OperatorId,
    [property: Id(4)] string? Topic);
