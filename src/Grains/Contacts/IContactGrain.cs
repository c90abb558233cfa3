using Helpdesk.Grains.Common;
using Helpdesk.Grains.Customers;
using Helpdesk.Grains.Departments;
using Orleans.Concurrency;

namespace Helpdesk.Grains.Contacts;

/// <summary>A contact (ticket): it drives its own route through departments and operators and remembers why.</summary>
[Alias("helpdesk.IContactGrain")]
public interface IContactGrain : IGrainWithStringKey
{
    /// <summary>Creates and routes the contact; replays the receipt for the same fingerprint, refuses another.</summary>
    [Alias("CreateAsync")]
    Task<Reply<ContactReceipt>> CreateAsync(NewContact request, string fingerprint);

    /// <summary>The contact with its route explanation.</summary>
    [Alias("GetAsync")]
    Task<Reply<ContactSnapshot>> GetAsync();

    /// <summary>The operator it was offered to takes it.</summary>
    [Alias("AcceptAsync")]
    Task<Reply<ContactSnapshot>> AcceptAsync(string operatorId);

    /// <summary>The operator it was offered to declines it; it is offered to someone else.</summary>
    [Alias("RejectAsync")]
    Task<Reply<ContactSnapshot>> RejectAsync(string operatorId);

    /// <summary>Moves the ticket to another status, if <see cref="TicketLifecycle"/> lets the actor; a conflict names the statuses allowed.</summary>
    [Alias("ChangeStatusAsync")]
    Task<Reply<ContactSnapshot>> ChangeStatusAsync(StatusRequest request);

    /// <summary>The customer rates the closed ticket, once.</summary>
    [Alias("RateTicketAsync")]
    Task<Reply<ContactSnapshot>> RateTicketAsync(string customerId, int score, bool? like, string? comment);

    /// <summary>Creates a task of the center's own (a callback, a follow-up); replays the receipt when it exists.</summary>
    [Alias("CreateTaskAsync")]
    Task<Reply<ContactReceipt>> CreateTaskAsync(ContactTask task);

    /// <summary>A department head assigns a waiting or postponed ticket to one operator at work; it waits for them alone.</summary>
    [Alias("AssignAsync")]
    Task<Reply<ContactSnapshot>> AssignAsync(string operatorId, string assignedBy);

    /// <summary>Links a related ticket, missed call or broadcast.</summary>
    [Alias("LinkAsync")]
    Task<Reply<ContactSnapshot>> LinkAsync(string link);

    /// <summary>The operator handling it passes it to a colleague, a department or a line.</summary>
    [Alias("TransferAsync")]
    Task<Reply<ContactSnapshot>> TransferAsync(string operatorId, TransferTarget target);

    /// <summary>An operator who handled it rates its customer.</summary>
    [Alias("RateCustomerAsync")]
    Task<Reply<CustomerSnapshot>> RateCustomerAsync(string customerId, string operatorId, int literacy, int temperament);

    /// <summary>Its department reserved an operator for it while it waited.</summary>
    [OneWay]
    [Alias("OfferedAsync")]
    Task OfferedAsync(Placement placement);

    /// <summary>The operator it was offered to let the offer time out.</summary>
    [OneWay]
    [Alias("OfferExpiredAsync")]
    Task OfferExpiredAsync(string operatorId);

    /// <summary>The operator holding it went offline or on a break.</summary>
    [OneWay]
    [Alias("OperatorLeftAsync")]
    Task OperatorLeftAsync(string operatorId);

    /// <summary>An escalation step moved it to a neighbouring department's queue.</summary>
    [OneWay]
    [Alias("MovedAsync")]
    Task MovedAsync(string department, string reason);
}
