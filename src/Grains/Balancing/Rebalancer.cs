using System.Globalization;
using Helpdesk.Grains.Operators;

namespace Helpdesk.Grains.Balancing;

/// <summary>The department balancer's planner: which operators to lend where, and which to bring back, this round.</summary>
/// <remarks>
/// <para>
/// The balancer lends operators as reserves (<see cref="Loan.KeepsHome"/>): they go on taking their own department's contacts
/// first, and the borrower's whenever none of their own wait. Reserves are exchanged: a department holding another's reserve lends
/// one of its own back (<see cref="Loan.InReturnFor"/>), who takes the lender's contacts whenever none of the borrower's wait. So a
/// lender whose reserves are busy with the borrower's long contacts is served in turn once the borrower's queue empties, and the two
/// departments work much as one pool in which everyone serves their own first.
/// </para>
/// <para>
/// A department needs help when its forecast service level is below the target and contacts wait or the queue grows. A department
/// can lend when its own operators would be below <see cref="BalancerPolicy.UnderloadOccupancy"/> at its steady arrival rate,
/// within <see cref="BalancerPolicy.MinStaff"/> and <see cref="BalancerPolicy.MaxShareLent"/>. Of every such pair, the lend
/// chosen is the one that raises the two departments' forecast service level, weighted by their arrivals, the most, so a second
/// department short of staff is helped once the first gains less from one more reserve than it would.
/// </para>
/// <para>
/// Returns come first: a reserve in return goes home with the reserve they answer; a borrower that keeps the target plus
/// <see cref="BalancerPolicy.ReturnMargin"/> without a reserve, its queue empty, lets them go, and when the reserve was answered the
/// lender must keep it too without the one it holds in return, since an exchange serves both; and a home a
/// <see cref="BalancerPolicy.Band"/> below the target at its steady rate with contacts waiting takes back an operator nobody
/// answered. Forecasts of need take the higher of the last minute's and the steady arrival rate, so a surge is helped at once;
/// lenders and homes are judged at the steady rate, so a lull frees operators only once it lasts. Between the thresholds an
/// unchanged load proposes nothing, so operators do not flap.
/// </para>
/// <para>
/// A borrower is forecast as one pool of its operators and its reserves, who bring their home's work along (its occupancy each); a
/// home is forecast on its own operators, less <see cref="BalancerPolicy.ReserveCost"/> of each reserve's spare time. An operator a
/// supervisor moved whole counts whole where they serve.
/// </para>
/// <para>
/// Each move chosen is applied to the plan's own copy of the departments before the next is chosen, so the moves of one round add
/// up and never over-lend. The same pictures always give the same proposals in the same order.
/// </para>
/// </remarks>
public static class Rebalancer
{
    private const string Lender = "balancer";

    /// <summary>The moves to make now, returns first, at most <see cref="BalancerPolicy.MaxMovesPerRound"/>; empty when all is balanced.</summary>
    /// <param name="departments">Every department as it is now, each once, with every operator who serves it: its own, reserves lent to it, and operators moved to it.</param>
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

        while (proposals.Count < policy.MaxMovesPerRound && (plan.NextLendInReturn() ?? plan.NextLend()) is { } proposal)
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

                var department = new Department(picture, _byId, policy.ReserveCost);
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

        /// <summary>The most urgent lent operator to send back, applied: reserves in return whose reserve went home, then homes in need.</summary>
        public BalancerProposal? NextReturn()
        {
            (Department From, Department Home, MemberPicture Member, bool HomeNeeds, double HomeLevel)? best = null;
            foreach (var borrower in _departments)
            {
                foreach (var member in borrower.Borrowed)
                {
                    if (!_byId.TryGetValue(member.HomeDepartment, out var home))
                    {
                        continue;
                    }

                    if (member.Loan?.InReturnFor is { } answered)
                    {
                        if (!home.Borrowed.Exists(reserve => reserve.OperatorId == answered))
                        {
                            var why = string.Create(CultureInfo.InvariantCulture, $"{answered}, whom they were lent in return for, no longer serves {home.Id}, their home");
                            return Return(borrower, home, member, why, PredictReturn(borrower, member, home));
                        }

                        continue;
                    }

                    if (Cooling(member))
                    {
                        continue;
                    }

                    var homeLevel = home.Home(0).ServiceLevel;
                    var inReturn = home.Answer(member);
                    var homeNeeds = homeLevel < Target - _policy.Band && home.QueueLength > 0 && inReturn is null;
                    var released = DoesWithout(borrower, member) && (inReturn is null || DoesWithout(home, inReturn));
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
                : string.Create(CultureInfo.InvariantCulture, $"{from.Id} forecasts {Percent(from.Without(chosen).ServiceLevel)} within {Seconds(from)} without them and has no queue; {to.Id} is their home")
                    + (to.Answer(chosen) is { } partner ? string.Create(CultureInfo.InvariantCulture, $" and forecasts {Percent(to.Without(partner).ServiceLevel)} without {partner.OperatorId}, lent to it in return") : "");
            return Return(from, to, chosen, reason, PredictReturn(from, chosen, to));
        }

        /// <summary>Sends <paramref name="chosen"/> from <paramref name="from"/> back to <paramref name="to"/>, their home, in the plan's copy.</summary>
        private BalancerProposal Return(Department from, Department to, MemberPicture chosen, string reason, MoveForecast predicted)
        {
            from.Borrowed.Remove(chosen);
            var back = chosen with { Loan = null, LastMovedAt = _now };
            var atHome = to.Own.FindIndex(member => member.OperatorId == chosen.OperatorId);
            if (atHome >= 0)
            {
                to.Own[atHome] = back;
            }
            else
            {
                to.Own.Add(back);
            }

            return new BalancerProposal($"return:{chosen.OperatorId}:{from.Id}->{to.Id}", BalancerProposalKind.Return, chosen.OperatorId, from.Id, to.Id, reason, predicted);
        }

        /// <summary>An operator lent back, applied, to the home of a reserve the borrower holds that nobody answers yet.</summary>
        public BalancerProposal? NextLendInReturn()
        {
            foreach (var borrower in _departments)
            {
                foreach (var reserve in borrower.Borrowed)
                {
                    if (reserve.Loan is not { KeepsHome: true, InReturnFor: null } || !_byId.TryGetValue(reserve.HomeDepartment, out var lender)
                        || lender.Answer(reserve) is not null || !CanSpareOne(borrower)
                        || FreeMember(borrower, lender) is not { } back)
                    {
                        continue;
                    }

                    var reason = string.Create(CultureInfo.InvariantCulture, $"in return for {reserve.OperatorId}: takes {lender.Id}'s contacts whenever none of {borrower.Id}'s wait");
                    return Lend(back, borrower, lender, reason, PredictLend(borrower, lender), reserve.OperatorId);
                }
            }

            return null;
        }

        /// <summary>The reserve whose lend gains most, from a department with spare time to one that needs help, applied.</summary>
        public BalancerProposal? NextLend()
        {
            (Department Lender, Department Borrower, MemberPicture Member, MoveForecast Predicted)? best = null;
            var lenders = _departments.Where(lender => lender.SteadyOccupancy < _policy.UnderloadOccupancy && CanSpareOne(lender)).ToList();
            foreach (var borrower in _departments.Where(Overloaded))
            {
                foreach (var lender in lenders)
                {
                    if (lender == borrower || FreeMember(lender, borrower) is not { } member)
                    {
                        continue;
                    }

                    var predicted = PredictLend(lender, borrower);
                    if (predicted.Gain > 0 && (best is null || predicted.Gain > best.Value.Predicted.Gain))
                    {
                        best = (lender, borrower, member, predicted);
                    }
                }
            }

            if (best is not { } found)
            {
                return null;
            }

            var (from, to, chosen, forecast) = found;
            var reason = string.Create(
                CultureInfo.InvariantCulture,
                $"{to.Id} forecasts {Percent(to.Forecast.ServiceLevel)} within {Seconds(to)} with {QueueWords(to)}; {from.Id}'s own would be {Percent(from.SteadyOccupancy)} occupied at its steady rate");
            return Lend(chosen, from, to, reason, forecast, null);
        }

        /// <summary>Lends <paramref name="chosen"/> from <paramref name="from"/> to <paramref name="to"/> as a reserve, in the plan's copy.</summary>
        private BalancerProposal Lend(MemberPicture chosen, Department from, Department to, string reason, MoveForecast predicted, string? inReturnFor)
        {
            var loaned = chosen with { Loan = new Loan(to.Id, _now, null, reason, Lender, KeepsHome: true, inReturnFor), LastMovedAt = _now };
            from.Own[from.Own.IndexOf(chosen)] = loaned;
            to.Borrowed.Add(loaned);
            return new BalancerProposal($"lend:{chosen.OperatorId}:{from.Id}->{to.Id}", BalancerProposalKind.Lend, chosen.OperatorId, from.Id, to.Id, reason, predicted, inReturnFor);
        }

        /// <summary>The first of <paramref name="lender"/>'s own at home, not cooling down, with <paramref name="borrower"/>'s required skills.</summary>
        private MemberPicture? FreeMember(Department lender, Department borrower) => lender.Own
            .Where(member => member.Loan is null && !Cooling(member) && HasSkills(member, borrower.RequiredSkills))
            .OrderBy(member => member.OperatorId, StringComparer.Ordinal)
            .FirstOrDefault();

        /// <summary>A reserve lent: the lender's own contacts lose the reserve's cost; the borrower's pool gains them and their home's work.</summary>
        private static MoveForecast PredictLend(Department lender, Department borrower) =>
            Predict(lender, lender.Home(0), lender.Home(-lender.ReserveLoss), borrower, borrower.Forecast, borrower.ForecastWith(1, 1 - lender.Spare));

        /// <summary>An operator sent back: the borrower's pool loses them and what they brought; their home regains what they cost it.</summary>
        private static MoveForecast PredictReturn(Department borrower, MemberPicture member, Department home) =>
            Predict(borrower, borrower.Forecast, borrower.Without(member), home, home.Home(0), home.Home(home.StaffBack(member)));

        private static MoveForecast Predict(Department from, QueueForecast fromBefore, QueueForecast fromAfter, Department to, QueueForecast toBefore, QueueForecast toAfter)
        {
            var (fromArrivals, toArrivals) = (from.Load.ArrivalsPerSecond, to.Load.ArrivalsPerSecond);
            var gain = fromArrivals + toArrivals == 0
                ? 0
                : ((fromArrivals * (fromAfter.ServiceLevel - fromBefore.ServiceLevel)) + (toArrivals * (toAfter.ServiceLevel - toBefore.ServiceLevel))) / (fromArrivals + toArrivals);
            return new MoveForecast(fromBefore, fromAfter, toBefore, toAfter, gain);
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

        /// <summary>Whether <paramref name="department"/> keeps the target plus the return margin without <paramref name="member"/>, with no queue.</summary>
        private bool DoesWithout(Department department, MemberPicture member) =>
            department.QueueLength == 0 && department.Without(member).ServiceLevel >= Target + _policy.ReturnMargin;

        private bool Overloaded(Department department) =>
            department.Forecast.ServiceLevel < Target && (department.QueueGrowing || department.QueueLength > 0);

        /// <summary>Whether one more of its own can be lent without leaving fewer than the minimum unlent or more than the share lent.</summary>
        private bool CanSpareOne(Department lender)
        {
            var movedAway = _departments.Sum(department => department.Borrowed.Count(member => member.HomeDepartment == lender.Id && !member.Loan!.KeepsHome));
            var lent = lender.Own.Count(member => member.Loan is not null) + movedAway;
            var own = lender.Own.Count + movedAway;
            if (own - lent - 1 < _policy.MinStaff)
            {
                return false;
            }

            // A share of 0.34 of 12 is 4.08 operators: four may be away, and the rounding of the product must not make it three.
            return lent + 1 <= (_policy.MaxShareLent * own) + 1e-9;
        }

        private bool Cooling(MemberPicture member) => member.LastMovedAt is { } movedAt && _now < movedAt + _policy.Cooldown;

        private static bool HasSkills(MemberPicture member, IReadOnlyCollection<string>? required) =>
            required is null || required.All(skill => member.Skills.GetValueOrDefault(skill) > 0);

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

    /// <summary>One department in the plan's working copy: its own operators at work, and those lent or moved to it.</summary>
    private sealed class Department(DepartmentPicture picture, IReadOnlyDictionary<string, Department> all, double reserveCost)
    {
        public string Id => picture.Id;

        public DepartmentLoad Load => picture.Load;

        public int QueueLength => picture.QueueLength;

        public bool QueueGrowing => picture.QueueGrowing;

        public IReadOnlyCollection<string>? RequiredSkills => picture.RequiredSkills;

        /// <summary>Its own operators at work who serve it: at home, or lent as reserves.</summary>
        public List<MemberPicture> Own { get; } = [.. picture.Members.Where(member => member.AtWork && member.HomeDepartment == picture.Id && (member.Loan is null || member.Loan.KeepsHome))];

        /// <summary>Other departments' operators at work lent or moved to it.</summary>
        public List<MemberPicture> Borrowed { get; } = [.. picture.Members.Where(member => member.AtWork && member.HomeDepartment != picture.Id && member.Loan?.Department == picture.Id)];

        /// <summary>The occupancy its own operators would have with its own contacts alone at its steady arrival rate.</summary>
        public double SteadyOccupancy => Load.Steady.ForecastAt(Own.Count).Occupancy;

        /// <summary>The share of time each of its own operators has free of its own contacts at the steady rate, which a reserve lent from it gives.</summary>
        public double Spare => Own.Count == 0 ? 0 : Math.Clamp(1 - (Load.Steady.ArrivalsPerSecond * Load.HandleTimeSeconds / Own.Count), 0, 1);

        /// <summary>The staff its own contacts plan on losing to each reserve it lends: <see cref="BalancerPolicy.ReserveCost"/> of their spare time.</summary>
        public double ReserveLoss => reserveCost * Spare;

        /// <summary>
        /// The forecast of its own contacts at the steady rate on its own operators, less what its reserves lent out cost it, with
        /// <paramref name="change"/> more (or less) staff.
        /// </summary>
        public QueueForecast Home(double change) =>
            Load.Steady.ForecastAt(Own.Count - (Own.Count(member => member.Loan is not null) * ReserveLoss) + change);

        /// <summary>What its own contacts gain when <paramref name="member"/> comes back: a reserve's cost, or a whole operator.</summary>
        public double StaffBack(MemberPicture member) => member.Loan is { KeepsHome: true } ? ReserveLoss : 1;

        /// <summary>The operator it holds who was lent in return for <paramref name="reserve"/>, one of its own lent out, if any.</summary>
        public MemberPicture? Answer(MemberPicture reserve) => Borrowed.Find(member => member.Loan?.InReturnFor == reserve.OperatorId);

        /// <summary>The forecast with every operator it has.</summary>
        public QueueForecast Forecast => ForecastWith(0, 0);

        /// <summary>The forecast without <paramref name="member"/>, one it borrowed, and the work they bring.</summary>
        public QueueForecast Without(MemberPicture member) => ForecastWith(-1, -Busy(member));

        /// <summary>The erlangs a borrowed operator brings of their own: their home's occupancy when a reserve, none when moved.</summary>
        public double Busy(MemberPicture member) =>
            member.Loan is { KeepsHome: true } ? all.TryGetValue(member.HomeDepartment, out var home) ? 1 - home.Spare : 1 : 0;

        /// <summary>The forecast of the pool of its own and borrowed operators with <paramref name="change"/> more and the work they bring.</summary>
        public QueueForecast ForecastWith(int change, double erlangs)
        {
            var brought = Borrowed.Sum(Busy) + erlangs;
            return (Load with { ArrivalsPerSecond = Load.ArrivalsPerSecond + (brought / Load.HandleTimeSeconds) }).ForecastAt(Own.Count + Borrowed.Count + change);
        }
    }
}
