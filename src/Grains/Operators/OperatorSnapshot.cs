using Helpdesk.Grains.Routing;

namespace Helpdesk.Grains.Operators;

/// <summary>An operator as the API shows them.</summary>
/// <param name="Id">The operator's id.</param>
/// <param name="Profile">Who they are.</param>
/// <param name="Presence">Their presence now.</param>
/// <param name="Contacts">The contacts they hold.</param>
/// <param name="DifficultyLoad">The temperament-weighted load of this shift.</param>
/// <param name="ShiftStartedAt">When this shift began, if they are at work.</param>
/// <param name="Kpi">Their counters.</param>
public sealed record OperatorSnapshot(
    string Id,
    OperatorProfile Profile,
    Presence Presence,
    IReadOnlyList<HeldContact> Contacts,
    double DifficultyLoad,
    DateTimeOffset? ShiftStartedAt,
    OperatorKpi Kpi);

/// <summary>An operator's counters.</summary>
/// <param name="Offered">Contacts offered.</param>
/// <param name="Accepted">Offers accepted.</param>
/// <param name="Rejected">Offers rejected.</param>
/// <param name="Missed">Offers that timed out.</param>
/// <param name="Completed">Contacts completed.</param>
/// <param name="ProposedSolutions">Solutions proposed this month.</param>
/// <param name="RejectedSolutions">Of those, rejected by the customer.</param>
public sealed record OperatorKpi(int Offered, int Accepted, int Rejected, int Missed, int Completed, int ProposedSolutions, int RejectedSolutions)
{
    /// <summary>No counts yet.</summary>
    public static OperatorKpi Zero { get; } = new(0, 0, 0, 0, 0, 0, 0);

    /// <summary>The share of rejected solutions an operator may have and still meet the KPI.</summary>
    public const double MaxRejectedShare = 0.2;

    /// <summary>Solutions proposed before the rejected share counts.</summary>
    public const int MinProposedForKpi = 5;

    /// <summary>Whether the rejected share of solutions is within the KPI (20%, once at least 5 were proposed).</summary>
    public bool MeetsKpi => ProposedSolutions < MinProposedForKpi || (double)RejectedSolutions / ProposedSolutions <= MaxRejectedShare;
}
