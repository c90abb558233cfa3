using Helpdesk.Grains.Common;
using Helpdesk.Grains.Routing;
using Helpdesk.Grains.Sla;
using Helpdesk.Runtime.Core;

namespace Helpdesk.Grains.Departments;

/// <summary>A department: its members' live view, its queue, and the routing decisions made from them.</summary>
public interface IDepartmentGrain : IGrainWithStringKey
{
    /// <summary>Creates the department; a conflict when it exists.</summary>
    Task<Reply<DepartmentSnapshot>> CreateAsync(DepartmentSettings settings);

    /// <summary>Whether the department has been created.</summary>
    Task<bool> ExistsAsync();

    /// <summary>Its SLA policy with its working calendar; <see langword="null"/> when the department does not exist.</summary>
    Task<SlaPolicy?> SlaAsync();

    /// <summary>The department with its live load.</summary>
    Task<Reply<DepartmentSnapshot>> GetAsync();

    /// <summary>Offers <paramref name="contact"/> to the best free operator, or queues it.</summary>
    /// <param name="contact">The contact to place.</param>
    /// <param name="fallback">The line to fall back to when the contact's line is saturated, if any.</param>
    Task<Reply<Placement>> PlaceAsync(WaitingContact contact, Line? fallback);

    /// <summary>Removes a waiting contact from the queue; <see langword="false"/> when it was not there.</summary>
    Task<bool> WithdrawAsync(string contactId);

    /// <summary>A member's new view (or a new member); the department dispatches any contact they can now take.</summary>
    [OneWay]
    Task MemberChangedAsync(MemberView view, bool home);

    /// <summary>A member no longer serves this department (lent elsewhere, or back home from a loan here).</summary>
    [OneWay]
    Task MemberLeftAsync(string operatorId);

    /// <summary>A conversation of this department ended after <paramref name="duration"/>: the load model's handle time.</summary>
    [OneWay]
    Task HandledAsync(TimeSpan duration);

    /// <summary>A contact routed here was given up by its customer after <paramref name="waited"/>.</summary>
    [OneWay]
    Task AbandonedAsync(string contactId, TimeSpan waited);

    /// <summary>A contact routed here was answered after <paramref name="waited"/>.</summary>
    [OneWay]
    Task AnsweredAsync(string contactId, TimeSpan waited);
}
