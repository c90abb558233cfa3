using Helpdesk.Grains.Routing;

namespace Helpdesk.Api.Contacts;

/// <summary>A new contact.</summary>
/// <param name="CustomerId">Who is in touch (account, phone or e-mail).</param>
/// <param name="Channel"><c>phone</c>, <c>chat</c>, <c>email</c> or <c>web</c>.</param>
/// <param name="Topic">What about.</param>
/// <param name="Department">The department chosen.</param>
/// <param name="Priority">1 (low) to 5 (urgent), default 3.</param>
/// <param name="Skill">The skill it needs, if any.</param>
/// <param name="MinProficiency">The least proficiency in that skill, 1–5 (default 1).</param>
public sealed record CreateContactRequest(string? CustomerId, Channel? Channel, string? Topic, string? Department, int? Priority, string? Skill, int? MinProficiency);

/// <summary>The operator acting on a contact.</summary>
/// <param name="OperatorId">The operator.</param>
public sealed record OperatorActionRequest(string? OperatorId);

/// <summary>A transfer: by the operator handling the contact, to exactly one of a colleague, a department or a line.</summary>
/// <param name="OperatorId">The operator handling it.</param>
/// <param name="ToOperatorId">A colleague.</param>
/// <param name="ToDepartment">A department.</param>
/// <param name="ToLine">A line of the same department.</param>
public sealed record TransferRequest(string? OperatorId, string? ToOperatorId, string? ToDepartment, Line? ToLine);
