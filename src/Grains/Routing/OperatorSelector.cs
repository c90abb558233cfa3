namespace Helpdesk.Grains.Routing;

/// <summary>Chooses who takes a contact: eligibility, affinity, difficulty fairness, then the department's strategy.</summary>
/// <remarks>
/// A pure function of the contact, the department's view of its members and the clock, so the simulator runs it
/// unchanged. Eligibility: not excluded, a line the contact admits, the skill it needs, and free capacity on its
/// channel. A difficult customer goes to the free operator with the least difficulty load, and to someone over
/// the cap only when nobody under it is free. Otherwise the strategy ranks the free operators, and a calm
/// customer adds a reward to those meeting their KPI.
/// </remarks>
public static class OperatorSelector
{
    /// <summary>Ranks the operators who may take <paramref name="contact"/> now.</summary>
    /// <param name="contact">The contact to place.</param>
    /// <param name="members">The department's view of its members.</param>
    /// <param name="strategy">The department's strategy.</param>
    /// <param name="policy">The routing numbers.</param>
    /// <param name="now">The current time.</param>
    /// <param name="lastAssigned">The operator the department assigned last, where round robin resumes.</param>
    public static Selection Choose(
        WaitingContact contact,
        IReadOnlyCollection<MemberView> members,
        RoutingStrategy strategy,
        RoutingPolicy policy,
        DateTimeOffset now,
        string? lastAssigned = null)
    {
        ArgumentNullException.ThrowIfNull(contact);
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(policy);

        var pool = members.Where(member => IsEligible(contact, member)).ToList();
        if (pool.Count == 0)
        {
            return Selection.Wait(NoEligibleMember(contact));
        }

        if (AffinityHolds(contact, pool, policy, now) is { } lastAgent)
        {
            return lastAgent.CanTake(contact.Channel)
                ? new Selection([new Candidate(lastAgent.OperatorId, 1, lastAgent.DifficultyLoad)], $"last agent {lastAgent.OperatorId}")
                : Selection.Wait($"waiting for last agent {lastAgent.OperatorId} until {(contact.ArrivedAt + policy.AffinityTimeout):O}");
        }

        var free = pool.Where(member => member.CanTake(contact.Channel)).ToList();
        if (free.Count == 0)
        {
            return Selection.Wait($"all {pool.Count} eligible operators are busy or away");
        }

        var ranks = Ranks(free, contact.Skill, strategy, lastAssigned);
        if (contact.IsDifficult(policy))
        {
            var underCap = free.Where(member => member.DifficultyLoad + contact.Difficulty <= policy.DifficultyCap).ToList();
            var fair = underCap.Count > 0 ? underCap : free;
            var ranked = fair
                .OrderBy(member => member.DifficultyLoad)
                .ThenByDescending(member => ranks[member.OperatorId])
                .ThenBy(member => member.OperatorId, StringComparer.Ordinal)
                .Select(member => new Candidate(member.OperatorId, ranks[member.OperatorId], member.DifficultyLoad))
                .ToList();
            return new Selection(ranked, underCap.Count > 0
                ? $"difficult customer: least difficulty load under the cap of {policy.DifficultyCap}"
                : $"difficult customer: nobody under the cap of {policy.DifficultyCap} is free, least difficulty load");
        }

        var scored = free
            .Select(member => new Candidate(
                member.OperatorId,
                ranks[member.OperatorId] + (contact.Calm && member.MeetsKpi ? policy.CalmReward : 0),
                member.DifficultyLoad))
            .OrderByDescending(candidate => candidate.Score)
            .ThenBy(candidate => candidate.OperatorId, StringComparer.Ordinal)
            .ToList();
        return new Selection(scored, contact.Calm ? $"{Name(strategy)}, calm customer rewards operators meeting their KPI" : Name(strategy));
    }

    /// <summary>Whether <paramref name="member"/> may ever take <paramref name="contact"/>, free or not.</summary>
    public static bool IsEligible(WaitingContact contact, MemberView member) =>
        member.Presence != Presence.Offline
        && !contact.Excluded.Contains(member.OperatorId)
        && (contact.RequiredOperator is null
            ? contact.Admits(member.Line) && (contact.Skill is null || member.Proficiency(contact.Skill) >= contact.MinProficiency)
            : contact.RequiredOperator == member.OperatorId);

    private static MemberView? AffinityHolds(WaitingContact contact, List<MemberView> pool, RoutingPolicy policy, DateTimeOffset now) =>
        contact.RequiredOperator is null && contact.LastAgent is { } lastAgent && now < contact.ArrivedAt + policy.AffinityTimeout
            ? pool.Find(member => member.OperatorId == lastAgent)
            : null;

    /// <summary>Each free operator's rank under the strategy, from 0 (last) to 1 (first).</summary>
    private static Dictionary<string, double> Ranks(List<MemberView> free, string? skill, RoutingStrategy strategy, string? lastAssigned)
    {
        var ordered = strategy switch
        {
            RoutingStrategy.LongestIdle => free.OrderBy(member => member.IdleSince),
            RoutingStrategy.LeastLoaded => free.OrderBy(member => member.ActiveContacts).ThenBy(member => member.IdleSince),
            RoutingStrategy.RoundRobin => free.OrderBy(member => ComesAfter(member.OperatorId, lastAssigned) ? 0 : 1),
            RoutingStrategy.BestScore => free.OrderByDescending(member => member.Proficiency(skill)).ThenBy(member => member.ActiveContacts).ThenBy(member => member.IdleSince),
            _ => throw new ArgumentOutOfRangeException(nameof(strategy), strategy, "Unknown routing strategy."),
        };
        var list = ordered.ThenBy(member => member.OperatorId, StringComparer.Ordinal).ToList();
        return list
            .Select((member, index) => (member.OperatorId, Rank: list.Count == 1 ? 1.0 : 1.0 - ((double)index / (list.Count - 1))))
            .ToDictionary(pair => pair.OperatorId, pair => pair.Rank, StringComparer.Ordinal);
    }

    /// <summary>Operators take turns in id order; the turn passes to the first id after the one assigned last.</summary>
    private static bool ComesAfter(string operatorId, string? lastAssigned) =>
        lastAssigned is not null && string.CompareOrdinal(operatorId, lastAssigned) > 0;

    private static string NoEligibleMember(WaitingContact contact) =>
        contact.RequiredOperator is { } required
            ? $"operator {required} is not a member here, is offline or is excluded"
            : contact.Skill is { } skill
                ? $"no operator of line {contact.Line}{(contact.MaxLine > contact.Line ? $"–{contact.MaxLine}" : "")} with skill '{skill}' at proficiency {contact.MinProficiency} or more is at work"
                : $"no operator of line {contact.Line}{(contact.MaxLine > contact.Line ? $"–{contact.MaxLine}" : "")} is at work";

    private static string Name(RoutingStrategy strategy) => strategy switch
    {
        RoutingStrategy.LongestIdle => "longest idle",
        RoutingStrategy.LeastLoaded => "least loaded",
        RoutingStrategy.RoundRobin => "round robin",
        _ => "best score",
    };
}
