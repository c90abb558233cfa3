using System.Globalization;
using Helpdesk.Grains.Operators;

namespace Helpdesk.Grains.Balancing;

/// <summary>The department balancer's planner: which operators to lend where, and which to bring back, this round.</summary>
/// <remarks>
/// <para>
/// A department needs help when its forecast service level is below the target and contacts wait or the queue grows; it can lend
/// when its forecast occupancy is below <see cref="BalancerPolicy.UnderloadOccupancy"/> and nothing waits. Returns come first, since
/// a department that no longer needs help, or a home that now does, frees or claims operators the lends would otherwise miss.
/// </para>
/// <para>
/// Each move chosen is applied to the plan's own copy of the departments before the next is chosen, so the moves of one round add
/// up and never over-lend. A department lends only while it keeps its target itself, and a lent operator goes back for the
/// borrower's sake only when it keeps the target plus <see cref="BalancerPolicy.ReturnMargin"/> without them: between the two an
/// unchanged load proposes nothing, so operators do not flap. The same pictures always give the same proposals in the same order.
/// </para>
/// </remarks>
public static class Rebalancer
{
    private const string Lender = "balancer";

    /// <summary>The moves to make now, returns first, at most <see cref="BalancerPolicy.MaxMovesPerRound"/>; empty when all is balanced.</summary>
    /// <param name="departments">Every department as it is now, each once; a lent operator is a member of the department they serve.</param>
    /// <param name="now">The time of the round, which cooldowns count to.</param>
    /// <param name="policy">The thresholds; it must have no <see cref="BalancerPolicy.Problem"/>.</param>
    /// <remarks>An operator whose home department is not among <paramref name="departments"/> is never returned: there is no forecast to go back to.</remarks>
    public static IReadOnlyList<BalancerProposal> Plan(IReadOnlyList<DepartmentPicture> departments, DateTimeOffset now, BalancerPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(departments);
        ArgumentNullException.ThrowIfNull(policy);
        if (policy.Problem() is { } problem)
        {
            throw new ArgumentException(problem, nameof(policy));
        }

        var plan = new Round(departments, now, policy);
        var proposals = new List<BalancerProposal>();
        while (proposals.Count < policy.MaxMovesPerRound && plan.NextReturn() is { } proposal)
        {
            proposals.Add(proposal);
        }

        while (proposals.Count < policy.MaxMovesPerRound && plan.NextLend() is { } proposal)
        {
            proposals.Add(proposal);
        }

        return proposals;
    }

    /// <summary>The plan's working copy of the departments, which each chosen move changes.</summary>
    private sealed class Round
    {
        private readonly List<Department> _departments;
        private readonly Dictionary<string, Department> _byId;
        private readonly DateTimeOffset _now;
        private readonly BalancerPolicy _policy;

        public Round(IReadOnlyList<DepartmentPicture> pictures, DateTimeOffset now, BalancerPolicy policy)
        {
            _departments = [];
            _byId = new(StringComparer.Ordinal);
            foreach (var picture in pictures.OrderBy(picture => picture?.Id, StringComparer.Ordinal))
            {
                if (picture is null || picture.Id is null || picture.Load is null || picture.Members is null)
                {
                    throw new ArgumentException("A department picture, its id, load or members are missing: give every department whole.", nameof(pictures));
                }

                var department = new Department(picture);
                if (!_byId.TryAdd(picture.Id, department))
                {
                    throw new ArgumentException($"Department {picture.Id} is pictured twice: give each department once.", nameof(pictures));
                }

                _departments.Add(department);
            }

            _now = now;
            _policy = policy;
        }

        private double Target => _policy.TargetServiceLevel;

        /// <summary>The most urgent lent operator to send back, applied; home departments that need their own first.</summary>
        public BalancerProposal? NextReturn()
        {
            (Department From, Department Home, MemberPicture Member, bool HomeNeeds, double HomeLevel)? best = null;
            foreach (var borrower in _departments)
            {
                var withoutOne = borrower.Load.Forecast(-1).ServiceLevel;
                var released = borrower.QueueLength == 0 && withoutOne >= Target + _policy.ReturnMargin;
                foreach (var member in borrower.Members)
                {
                    if (!member.AtWork || member.Loan is null || member.HomeDepartment == borrower.Id || Cooling(member)
                        || !_byId.TryGetValue(member.HomeDepartment, out var home))
                    {
                        continue;
                    }

                    var homeLevel = home.Forecast.ServiceLevel;
                    var homeNeeds = homeLevel < Target;
                    if ((homeNeeds || released) && (best is not { } current || ReturnsBefore(homeNeeds, homeLevel, member, current.HomeNeeds, current.HomeLevel, current.Member)))
                    {
                        best = (borrower, home, member, homeNeeds, homeLevel);
                    }
                }
            }

            if (best is not { } found)
            {
                return null;
            }

            var (from, to, chosen, needs, level) = found;

            var reason = needs
                ? string.Create(CultureInfo.InvariantCulture, $"{to.Id}, their home, forecasts {Percent(level)} within {Seconds(to)} with {QueueWords(to)}; {from.Id} forecasts {Percent(from.Forecast.ServiceLevel)} with them")
                : string.Create(CultureInfo.InvariantCulture, $"{from.Id} forecasts {Percent(from.Load.Forecast(-1).ServiceLevel)} within {Seconds(from)} without them and has no queue; {to.Id} is their home");
            return Move(BalancerProposalKind.Return, chosen, from, to, reason);
        }

        /// <summary>The best operator to lend to the department that needs help most, applied; departments no one can help are passed over.</summary>
        public BalancerProposal? NextLend()
        {
            var borrowers = _departments
                .Where(Overloaded)
                .OrderBy(department => department.Forecast.ServiceLevel)
                .ThenBy(department => department.Id, StringComparer.Ordinal);
            foreach (var borrower in borrowers)
            {
                (Department Lender, MemberPicture Member, MoveForecast Move)? best = null;
                foreach (var lender in _departments)
                {
                    if (lender == borrower || !Underloaded(lender) || !CanSpareOne(lender))
                    {
                        continue;
                    }

                    var member = lender.Members
                        .Where(member => member.AtWork && member.Loan is null && member.HomeDepartment == lender.Id && !Cooling(member) && HasSkills(member, borrower.RequiredSkills))
                        .OrderBy(member => member.OperatorId, StringComparer.Ordinal)
                        .FirstOrDefault();
                    if (member is null)
                    {
                        continue;
                    }

                    var move = MoveForecast.Of(lender.Load, borrower.Load);
                    if (move.FromAfter.ServiceLevel >= Target && move.Gain >= _policy.MinGain && (best is null || move.Gain > best.Value.Move.Gain))
                    {
                        best = (lender, member, move);
                    }
                }

                if (best is { } found)
                {
                    var (from, chosen, _) = found;
                    var reason = string.Create(
                        CultureInfo.InvariantCulture,
                        $"{borrower.Id} forecasts {Percent(borrower.Forecast.ServiceLevel)} within {Seconds(borrower)} with {QueueWords(borrower)}; {from.Id} is {Percent(from.Forecast.Occupancy)} occupied with no queue");
                    return Move(BalancerProposalKind.Lend, chosen, from, borrower, reason);
                }
            }

            return null;
        }

        private static bool ReturnsBefore(bool homeNeeds, double homeLevel, MemberPicture member, bool otherNeeds, double otherLevel, MemberPicture other)
        {
            if (homeNeeds != otherNeeds)
            {
                return homeNeeds;
            }

            if (homeNeeds && homeLevel != otherLevel)
            {
                return homeLevel < otherLevel;
            }

            var since = member.Loan!.Since.CompareTo(other.Loan!.Since);
            return since != 0 ? since < 0 : string.CompareOrdinal(member.OperatorId, other.OperatorId) < 0;
        }

        private bool Overloaded(Department department) =>
            department.Forecast.ServiceLevel < Target && (department.QueueGrowing || department.QueueLength > 0);

        private bool Underloaded(Department department) =>
            department.QueueLength == 0 && department.Forecast.Occupancy < _policy.UnderloadOccupancy;

        /// <summary>Whether one more of its own can leave without going below the minimum staff or above the share lent.</summary>
        private bool CanSpareOne(Department lender)
        {
            if (lender.Members.Count(member => member.AtWork) - 1 < _policy.MinStaff)
            {
                return false;
            }

            var away = _departments
                .Where(department => department != lender)
                .Sum(department => department.Members.Count(member => member.HomeDepartment == lender.Id && member.Loan is not null));
            var own = lender.Members.Count(member => member.HomeDepartment == lender.Id) + away;

            // A share of 0.34 of 12 is 4.08 operators: four may be away, and the rounding of the product must not make it three.
            return away + 1 <= (_policy.MaxShareLent * own) + 1e-9;
        }

        private bool Cooling(MemberPicture member) => member.LastMovedAt is { } movedAt && _now < movedAt + _policy.Cooldown;

        private static bool HasSkills(MemberPicture member, IReadOnlyCollection<string>? required) =>
            required is null || required.All(skill => member.Skills.GetValueOrDefault(skill) > 0);

        private BalancerProposal Move(BalancerProposalKind kind, MemberPicture member, Department from, Department to, string reason)
        {
            var predicted = MoveForecast.Of(from.Load, to.Load);
            var word = kind == BalancerProposalKind.Lend ? "lend" : "return";
            var proposal = new BalancerProposal($"{word}:{member.OperatorId}:{from.Id}->{to.Id}", kind, member.OperatorId, from.Id, to.Id, reason, predicted);

            from.Members.Remove(member);
            from.ChangeAgents(-1);
            to.Members.Add(member with
            {
                Loan = kind == BalancerProposalKind.Lend ? new Loan(to.Id, _now, null, reason, Lender) : null,
                LastMovedAt = _now,
            });
            to.ChangeAgents(+1);
            return proposal;
        }

        private static string Percent(double share) =>
            Math.Round(share * 100, MidpointRounding.AwayFromZero).ToString(CultureInfo.InvariantCulture) + "%";

        private static string Seconds(Department department) =>
            department.Load.Target.TotalSeconds.ToString(CultureInfo.InvariantCulture) + " s";

        private static string QueueWords(Department department) => (department.QueueLength, department.QueueGrowing) switch
        {
            (0, true) => "a growing queue",
            (0, false) => "no queue",
            (var waiting, true) => string.Create(CultureInfo.InvariantCulture, $"{waiting} waiting and the queue growing"),
            (var waiting, false) => string.Create(CultureInfo.InvariantCulture, $"{waiting} waiting"),
        };
    }

    /// <summary>One department in the plan's working copy.</summary>
    private sealed class Department(DepartmentPicture picture)
    {
        public string Id => picture.Id;

        public DepartmentLoad Load { get; private set; } = picture.Load;

        public QueueForecast Forecast { get; private set; } = picture.Load.Forecast();

        public int QueueLength => picture.QueueLength;

        public bool QueueGrowing => picture.QueueGrowing;

        public IReadOnlyCollection<string>? RequiredSkills => picture.RequiredSkills;

        /// <summary>The operators serving it; one lent elsewhere but still listed by their home counts only where they serve.</summary>
        public List<MemberPicture> Members { get; } = [.. picture.Members.Where(member => member.Loan is null || member.Loan.Department == picture.Id)];

        public void ChangeAgents(int change)
        {
            Load = Load with { Agents = Math.Max(0, Load.Agents + change) };
            Forecast = Load.Forecast();
        }
    }
}
