using System.ComponentModel.DataAnnotations;
using Helpdesk.Grains.Routing;

namespace Helpdesk.Api.Operators;

/// <summary>A new operator.</summary>
/// <param name="Id">Their id, e.g. <c>op-17</c>.</param>
/// <param name="Name">Their name.</param>
/// <param name="Line">Their line: <c>l1</c>, <c>l2</c> or <c>l3</c>.</param>
/// <param name="Skills">Skill name → proficiency 1–5.</param>
/// <param name="Departments">The departments they may serve; the first is their home.</param>
/// <param name="Capacity">Contacts per channel held at once (default 1 phone, 3 chat, 5 email, 3 web).</param>
/// <param name="WrapUpSeconds">Wrap-up after each contact (default 0).</param>
public sealed record CreateOperatorRequest(
    [property: Required] string? Id,
    string? Name,
    [property: Required] Line? Line,
    IReadOnlyDictionary<string, int>? Skills,
    [property: Required] IReadOnlyList<string>? Departments,
    IReadOnlyDictionary<Channel, int>? Capacity,
    double? WrapUpSeconds);

/// <summary>A presence an operator sets.</summary>
/// <param name="Presence"><c>available</c>, <c>break</c> or <c>offline</c>.</param>
public sealed record PresenceRequest([property: Required] Presence? Presence);

/// <summary>A loan of an operator to another department.</summary>
/// <param name="Department">The department to serve.</param>
/// <param name="Until">When they go back by themselves; until recalled when absent.</param>
/// <param name="Reason">Why, for the log.</param>
/// <param name="KeepsHome">
/// Lend them as a reserve: they go on taking their own departments' contacts first and take the borrower's in between (default
/// <see langword="false"/>: they take the borrower's alone).
/// </param>
public sealed record MoveRequest([property: Required] string? Department, DateTimeOffset? Until, string? Reason, bool? KeepsHome = null);
