using Helpdesk.Grains.Common;
using Helpdesk.Grains.Routing;
using Helpdesk.Grains.Sla;
using Orleans.Concurrency;

namespace Helpdesk.Grains.Departments;

/// <summary>A department: its members' live view, its queue, and the routing decisions made from them.</summary>
[Alias("helpdesk.IDepartmentGrain")]
public interface IDepartmentGrain : IGrainWithStringKey
{
    /// <summary>Creates the department; a conflict when it exists.</summary>
    [Alias("CreateAsync")]
    Task<Reply<DepartmentSnapshot>> CreateAsync(DepartmentSettings settings);

    /// <summary>
    /// Replaces its settings when <paramref name="expectedVersion"/> is the current version (or is not given); the queue is
    /// dispatched again under them.
    /// </summary>
    [Alias("UpdateAsync")]
    Task<Reply<DepartmentSnapshot>> UpdateAsync(DepartmentSettings settings, long? expectedVersion);

    /// <summary>
    /// Retires the department: it takes no new contacts, and those waiting move to <paramref name="drainTo"/>'s queue;
    /// its history stays readable. Retiring again changes nothing.
    /// </summary>
    [Alias("RetireAsync")]
    Task<Reply<DepartmentSnapshot>> RetireAsync(string drainTo, string by);

    /// <summary>Whether the department has been created and is not retired: whether it takes contacts.</summary>
    /// <remarks>
    /// It only reads, so it runs between the turns of a placement: an operator being lent asks it while this department
    /// may be waiting on that operator's reservation, and the two would otherwise wait on each other.
    /// </remarks>
    [AlwaysInterleave]
    [Alias("ExistsAsync")]
    Task<bool> ExistsAsync();

    /// <summary>Its SLA policy with its working calendar; <see langword="null"/> when the department does not exist.</summary>
    [Alias("SlaAsync")]
    Task<SlaPolicy?> SlaAsync();

    /// <summary>The department with its live load.</summary>
    [Alias("GetAsync")]
    Task<Reply<DepartmentSnapshot>> GetAsync();

    /// <summary>Offers <paramref name="contact"/> to the best free operator, or queues it.</summary>
    /// <param name="contact">The contact to place.</param>
    /// <param name="fallback">The line to fall back to when the contact's line is saturated, if any.</param>
    [Alias("PlaceAsync")]
    Task<Reply<Placement>> PlaceAsync(WaitingContact contact, Line? fallback);

    /// <summary>Removes a waiting contact from the queue; <see langword="false"/> when it was not there.</summary>
    [Alias("WithdrawAsync")]
    Task<bool> WithdrawAsync(string contactId);

    /// <summary>A member's new view (or a new member); the department dispatches any contact they can now take.</summary>
    [OneWay]
    [Alias("MemberChangedAsync")]
    Task MemberChangedAsync(MemberView view, bool home);

    /// <summary>A member no longer serves this department (lent elsewhere, or back home from a loan here).</summary>
    [OneWay]
    [Alias("MemberLeftAsync")]
    Task MemberLeftAsync(string operatorId);

    /// <summary>A conversation of this department ended after <paramref name="duration"/>: the load model's handle time.</summary>
    [OneWay]
    [Alias("HandledAsync")]
    Task HandledAsync(TimeSpan duration);

    /// <summary>A contact routed here was given up by its customer after <paramref name="waited"/>.</summary>
    [OneWay]
    [Alias("AbandonedAsync")]
    Task AbandonedAsync(string contactId, TimeSpan waited);

    /// <summary>A contact routed here was answered after <paramref name="waited"/>.</summary>
    [OneWay]
    [Alias("AnsweredAsync")]
    Task AnsweredAsync(string contactId, TimeSpan waited);

    /// <summary>Puts the department's tile up on the supervisors' board, as a board that has just activated asks.</summary>
    [OneWay]
    [Alias("ShowOnBoardAsync")]
    Task ShowOnBoardAsync();
}
