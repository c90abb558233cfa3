using System.ComponentModel.DataAnnotations;
namespace Helpdesk.Api.Calls;

/// <summary>A missed call, as the telephony reports it.</summary>
/// <param name="Id">The telephony's call id; registering it again replays the answer. A fresh id when absent.</param>
/// <param name="CustomerId">Who called.</param>
/// <param name="At">When; not in the future.</param>
/// <param name="Department">The department called.</param>
/// <param name="OperatorId">The operator it was meant for, if any.</param>
/// <param name="Topic">What about, if the IVR knows.</param>
public sealed record MissedCallRequest(string? Id, [property: Required] string? CustomerId, [property: Required] DateTimeOffset? At, [property: Required] string? Department, string? OperatorId, string? Topic);
