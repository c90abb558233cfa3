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
/// <param name="Loan">The department they are lent to, if any.</param>
/// <param name="ProfileVersion">The version of their profile, the ETag a change names in If-Match.</param>
/// <param name="RetiredAt">When they were retired, if they were.</param>
[GenerateSerializer, Alias("helpdesk.OperatorSnapshot")]
public sealed record OperatorSnapshot(
    [property: Id(0)] string Id,
    [property: Id(1)] OperatorProfile Profile,
    [property: Id(2)] Presence Presence,
    [property: Id(3)] IReadOnlyList<HeldContact> Contacts,
    [property: Id(4)] double DifficultyLoad,
    [property: Id(5)] DateTimeOffset? ShiftStartedAt,
    [property: Id(6)] OperatorKpi Kpi,
    [property: Id(7)] Loan? Loan = null,
    [property: Id(8)] long ProfileVersion = 0,
    [property: Id(9)] DateTimeOffset? RetiredAt = null);

/// <summary>An operator's counters.</summary>
/// <param name="Offered">Contacts offered.</param>
/// <param name="Accepted">Offers accepted.</param>
/// <param name="Rejected">Offers rejected.</param>
/// <param name="Missed">Offers that timed out.</param>
/// <param name="Completed">Conversations finished.</param>
/// <param name="MeetsKpi">Whether they meet their KPI this month, as their month's report says (<see cref="Reports.KpiPolicy"/>).</param>
[GenerateSerializer, Alias("helpdesk.OperatorKpi")]
public sealed record OperatorKpi(
    [property: Id(0)] int Offered,
    [property: Id(1)] int Accepted,
    [property: Id(2)] int Rejected,
    [property: Id(3)] int Missed,
    [property: Id(4)] int Completed,
    [property: Id(5)] bool MeetsKpi)
{
    /// <summary>No counts yet, KPI met.</summary>
    public static OperatorKpi Zero { get; } = new(0, 0, 0, 0, 0, true);
}
