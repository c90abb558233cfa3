using Helpdesk.Grains.Common;
using Helpdesk.Grains.Routing;
using Orleans.Concurrency;

namespace Helpdesk.Grains.Operators;

/// <summary>An operator: presence, capacity, the contacts they hold, and the events their desktop receives.</summary>
/// <remarks>The operator's own state is the truth on who holds what: departments reserve through it.</remarks>
[Alias("helpdesk.IOperatorGrain")]
public interface IOperatorGrain : IGrainWithStringKey
{
    /// <summary>Creates the operator, offline; a conflict when they exist.</summary>
    [Alias("CreateAsync")]
    Task<Reply<OperatorSnapshot>> CreateAsync(OperatorProfile profile);

    /// <summary>
    /// Replaces their profile when <paramref name="expectedVersion"/> is the current version (or is not given): departments
    /// they leave are told, those they join learn of them; contacts they hold stay with them.
    /// </summary>
    [Alias("UpdateAsync")]
    Task<Reply<OperatorSnapshot>> UpdateAsync(OperatorProfile profile, long? expectedVersion);

    /// <summary>
    /// Retires the operator: home from any loan, offline (what they hold is dispatched again), out of every department;
    /// from then on no change is accepted, and their history stays readable. Retiring again changes nothing.
    /// </summary>
    [Alias("RetireAsync")]
    Task<Reply<OperatorSnapshot>> RetireAsync(string by);

    /// <summary>The operator now.</summary>
    [Alias("GetAsync")]
    Task<Reply<OperatorSnapshot>> GetAsync();

    /// <summary>Sets presence: available, break or offline. Going offline hands every held contact back.</summary>
    [Alias("SetPresenceAsync")]
    Task<Reply<OperatorSnapshot>> SetPresenceAsync(Presence presence);

    /// <summary>Reserves the operator for <paramref name="offer"/> if they can take it now.</summary>
    [Alias("ReserveAsync")]
    Task<ReserveResult> ReserveAsync(Offer offer);

    /// <summary>Turns the offer of <paramref name="contactId"/> into a contact in progress; a conflict when it lapsed.</summary>
    [Alias("AcceptAsync")]
    Task<Reply<HeldContact>> AcceptAsync(string contactId);

    /// <summary>Lets go of a held contact; <see langword="false"/> when they did not hold it.</summary>
    [Alias("ReleaseAsync")]
    Task<bool> ReleaseAsync(string contactId, ReleaseReason reason);

    /// <summary>Whether the operator holds <paramref name="contactId"/>, offered or accepted.</summary>
    [Alias("HoldsAsync")]
    Task<bool> HoldsAsync(string contactId);

    /// <summary>The operator's line and standing, for weighing their rating.</summary>
    [Alias("StandingAsync")]
    Task<RaterStanding> StandingAsync();

    /// <summary>The operator as departments see them.</summary>
    [Alias("ViewAsync")]
    Task<MemberView?> ViewAsync();

    /// <summary>Puts the operator's row up on the supervisors' board, as a board that has just activated asks.</summary>
    [OneWay]
    [Alias("ShowOnBoardAsync")]
    Task ShowOnBoardAsync();

    /// <summary>Lends the operator to <paramref name="department"/>; they finish the contacts they hold.</summary>
    /// <param name="department">The department to serve.</param>
    /// <param name="until">When they go back by themselves; <see langword="null"/> until recalled.</param>
    /// <param name="reason">Why.</param>
    /// <param name="by">Who lends them.</param>
    /// <param name="keepsHome">As a reserve, taking their own departments' contacts first; else the borrower's alone.</param>
    /// <param name="inReturnFor">The reserve whom this one answers (<see cref="Loan.InReturnFor"/>), or <see langword="null"/>.</param>
    [Alias("LendAsync")]
    Task<Reply<OperatorSnapshot>> LendAsync(string department, DateTimeOffset? until, string reason, string by, bool keepsHome, string? inReturnFor = null);

    /// <summary>Ends the operator's loan: they serve their own departments again.</summary>
    [Alias("ReturnAsync")]
    Task<Reply<OperatorSnapshot>> ReturnAsync(string by);

    /// <summary>Their month's report judged their KPI; routing rewards an operator who meets it with calm customers.</summary>
    [OneWay]
    [Alias("KpiChangedAsync")]
    Task KpiChangedAsync(bool meetsKpi);

    /// <summary>Events after <paramref name="after"/>, waiting up to <paramref name="wait"/> for one when there is none.</summary>
    [AlwaysInterleave]
    [Alias("WatchAsync")]
    Task<IReadOnlyList<OperatorEvent>> WatchAsync(long after, TimeSpan wait, CancellationToken cancellationToken = default);
}

/// <summary>Why an operator lets go of a contact.</summary>
public enum ReleaseReason
{
    /// <summary>They finished it; wrap-up follows.</summary>
    Completed,

    /// <summary>They declined the offer.</summary>
    Rejected,

    /// <summary>They passed it on.</summary>
    Transferred,

    /// <summary>The customer gave up before they answered.</summary>
    Abandoned,
}
