using System.ComponentModel.DataAnnotations;
using Helpdesk.Api.Access;
using Helpdesk.Grains.Contacts;
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
/// <param name="Category">The topic's category, for the top request reasons by category.</param>
public sealed record CreateContactRequest([property: Required] string? CustomerId, [property: Required] Channel? Channel, [property: Required] string? Topic, [property: Required] string? Department, int? Priority, string? Skill, int? MinProficiency, string? Category = null);

/// <summary>The operator acting on a contact.</summary>
/// <param name="OperatorId">The operator.</param>
public sealed record OperatorActionRequest([property: Required] string? OperatorId) : IActsAsOperator
{
    IActsAsOperator IActsAsOperator.MadeBy(string operatorId) => this with { OperatorId = operatorId };
}

/// <summary>A transfer: by the operator handling the contact, to exactly one of a colleague, a department or a line.</summary>
/// <param name="OperatorId">The operator handling it.</param>
/// <param name="ToOperatorId">A colleague.</param>
/// <param name="ToDepartment">A department.</param>
/// <param name="ToLine">A line of the same department.</param>
public sealed record TransferRequest([property: Required] string? OperatorId, string? ToOperatorId, string? ToDepartment, Line? ToLine) : IActsAsOperator
{
    IActsAsOperator IActsAsOperator.MadeBy(string operatorId) => this with { OperatorId = operatorId };
}

/// <summary>A move of a ticket to another status, by exactly one of its operator or its customer.</summary>
/// <param name="Status">The status wanted, e.g. <c>solution_proposed</c>, <c>postponed</c>, <c>confirmed</c>.</param>
/// <param name="OperatorId">The operator responsible, when they move it.</param>
/// <param name="CustomerId">The customer, when they move it.</param>
/// <param name="Note">Why, or the solution proposed.</param>
/// <param name="Until">Until when, for <c>postponed</c>; the due date, for <c>in_development</c>.</param>
/// <param name="TaskKey">The tracker's task key, for <c>in_development</c>.</param>
public sealed record StatusChangeRequest([property: Required] ContactStatus? Status, string? OperatorId, string? CustomerId, string? Note, DateTimeOffset? Until, string? TaskKey) : IActsAsOperator
{
    /// <remarks>An operator does not act for the customer.</remarks>
    IActsAsOperator? IActsAsOperator.MadeBy(string operatorId) => CustomerId is null ? this with { OperatorId = operatorId } : null;
}

/// <summary>The customer's rating of a closed ticket.</summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="Score">1 (poor) to 5 (excellent).</param>
/// <param name="Like">Like (true) or dislike (false), if they say.</param>
/// <param name="Comment">What they say, if anything.</param>
public sealed record FeedbackRequest([property: Required] string? CustomerId, [property: Required] int? Score, bool? Like, string? Comment);

/// <summary>A department head's assignment of a waiting ticket.</summary>
/// <param name="OperatorId">The operator to take it.</param>
public sealed record AssignRequest([property: Required] string? OperatorId);
