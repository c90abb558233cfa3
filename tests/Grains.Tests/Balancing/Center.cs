using Helpdesk.Grains.Balancing;
using Helpdesk.Grains.Operators;
using Helpdesk.Grains.Routing;

namespace Helpdesk.Grains.Tests.Balancing;

/// <summary>A contact center of departments of twelve, handle time 300 s, target 20 s, patience 180 s, as the balancer sees it.</summary>
internal static class Center
{
    public const int Staff = 12;

    public static readonly DateTimeOffset Now = new(2025, 3, 3, 10, 0, 0, TimeSpan.Zero);

    private const double HandleTime = 300;
    private const double Patience = 180;
    private static readonly TimeSpan Target = TimeSpan.FromSeconds(20);

    /// <summary>Support swamped at 16 erlangs with a growing queue; sales near its target at 10; claims at 8 and billing at 6 idle.</summary>
    public static IReadOnlyList<DepartmentPicture> Surge() =>
    [
        Department("support", 16, queue: 9, growing: true),
        Department("sales", 10),
        Department("claims", 8),
        Department("billing", 6),
    ];

    /// <summary>A department of twelve of its own, the first <paramref name="atWork"/> at work.</summary>
    public static DepartmentPicture Department(
        string id,
        double erlangs,
        int atWork = Staff,
        int queue = 0,
        bool growing = false,
        IReadOnlyDictionary<string, int>? skills = null,
        IReadOnlyCollection<string>? required = null)
    {
        var members = Enumerable.Range(1, Staff)
            .Select(n => new MemberPicture($"{id}-{n:D2}", Line.L1, skills ?? new Dictionary<string, int> { [id] = 3 }, id, null, null, n <= atWork))
            .ToList();
        return new DepartmentPicture(id, new DepartmentLoad(erlangs / HandleTime, HandleTime, atWork, Target, Patience), queue, growing, members, required);
    }

    /// <summary>The department <paramref name="id"/> with a new load and queue, its staff unchanged.</summary>
    public static IReadOnlyList<DepartmentPicture> Reloaded(this IReadOnlyList<DepartmentPicture> departments, string id, double erlangs, int queue = 0, bool growing = false) =>
    [
        .. departments.Select(department => department.Id == id
            ? department with { Load = department.Load with { ArrivalsPerSecond = erlangs / HandleTime }, QueueLength = queue, QueueGrowing = growing }
            : department),
    ];

    /// <summary>The operator <paramref name="operatorId"/> with its last move at <paramref name="movedAt"/>.</summary>
    public static IReadOnlyList<DepartmentPicture> MovedAt(this IReadOnlyList<DepartmentPicture> departments, string operatorId, DateTimeOffset movedAt) =>
    [
        .. departments.Select(department => department with
        {
            Members = [.. department.Members.Select(member => member.OperatorId == operatorId ? member with { LastMovedAt = movedAt } : member)],
        }),
    ];

    /// <summary>The operator lent to <paramref name="to"/> at <paramref name="at"/>, as the grain shows it: a member of the department served.</summary>
    public static IReadOnlyList<DepartmentPicture> Lent(this IReadOnlyList<DepartmentPicture> departments, string operatorId, string to, DateTimeOffset at)
    {
        var from = departments.Single(department => department.Members.Any(member => member.OperatorId == operatorId));
        return departments.Moved(operatorId, from.Id, to, new Loan(to, at, null, "test", "balancer"), at);
    }

    /// <summary>
    /// The operator lent to <paramref name="to"/> at <paramref name="at"/> as a reserve, as the grain shows it: a member of their home,
    /// which they still serve, and of the borrower.
    /// </summary>
    public static IReadOnlyList<DepartmentPicture> Reserve(this IReadOnlyList<DepartmentPicture> departments, string operatorId, string to, DateTimeOffset at, string? inReturnFor = null)
    {
        var member = departments.SelectMany(department => department.Members).First(member => member.OperatorId == operatorId);
        var lent = member with { Loan = new Loan(to, at, null, "test", "balancer", KeepsHome: true, inReturnFor), LastMovedAt = at };
        return
        [
            .. departments.Select(department => department.Id == member.HomeDepartment
                ? department with { Members = [.. department.Members.Select(other => other.OperatorId == operatorId ? lent : other)] }
                : department.Id == to
                    ? department with { Load = department.Load with { Agents = department.Load.Agents + 1 }, Members = [.. department.Members, lent] }
                    : department),
        ];
    }

    /// <summary>The center once the balancer's proposals are carried out at <paramref name="at"/>: reserves lent, operators back home.</summary>
    public static IReadOnlyList<DepartmentPicture> After(this IReadOnlyList<DepartmentPicture> departments, IEnumerable<BalancerProposal> proposals, DateTimeOffset at) =>
        proposals.Aggregate(departments, (center, proposal) => proposal.Kind == BalancerProposalKind.Lend
            ? center.Reserve(proposal.OperatorId, proposal.To, at, proposal.InReturnFor)
            : center.Moved(proposal.OperatorId, proposal.From, proposal.To, null, at));

    /// <summary>The operator moved from <paramref name="from"/> to <paramref name="to"/>; a reserve coming home is listed there once.</summary>
    private static IReadOnlyList<DepartmentPicture> Moved(this IReadOnlyList<DepartmentPicture> departments, string operatorId, string from, string to, Loan? loan, DateTimeOffset at)
    {
        var member = departments.Single(department => department.Id == from).Members.Single(member => member.OperatorId == operatorId);
        return
        [
            .. departments.Select(department => department.Id == from
                ? department with
                {
                    Load = department.Load with { Agents = department.Load.Agents - 1 },
                    Members = [.. department.Members.Where(other => other.OperatorId != operatorId)],
                }
                : department.Id == to && department.Members.Any(other => other.OperatorId == operatorId)
                    ? department with { Members = [.. department.Members.Select(other => other.OperatorId == operatorId ? member with { Loan = loan, LastMovedAt = at } : other)] }
                    : department.Id == to
                        ? department with
                        {
                            Load = department.Load with { Agents = department.Load.Agents + 1 },
                            Members = [.. department.Members, member with { Loan = loan, LastMovedAt = at }],
                        }
                        : department),
        ];
    }
}
