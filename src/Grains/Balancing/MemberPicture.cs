using Helpdesk.Grains.Operators;
using Helpdesk.Grains.Routing;

namespace Helpdesk.Grains.Balancing;

/// <summary>What the balancer sees of one operator serving a department now; a lent operator is a member of the department they serve.</summary>
/// <param name="OperatorId">The operator.</param>
/// <param name="Line">Their line.</param>
/// <param name="Skills">Skill name → proficiency 1–5.</param>
/// <param name="HomeDepartment">The department they belong to.</param>
/// <param name="Loan">Their loan to the department they serve, or <see langword="null"/> at home.</param>
/// <param name="LastMovedAt">When they were last lent or returned, if ever.</param>
/// <param name="AtWork">Whether they are at work now; only they count as staff and can move.</param>
public sealed record MemberPicture(
    string OperatorId,
    Line Line,
    IReadOnlyDictionary<string, int> Skills,
    string HomeDepartment,
    Loan? Loan,
    DateTimeOffset? LastMovedAt,
    bool AtWork);
