using Helpdesk.Grains.Common;
using Helpdesk.Grains.Customers;
using Helpdesk.Grains.Departments;
using Helpdesk.Runtime.Core;

namespace Helpdesk.Grains.Contacts;

/// <summary>A contact (ticket): it drives its own route through departments and operators and remembers why.</summary>
public interface IContactGrain : IGrainWithStringKey
{
    /// <summary>Creates and routes the contact; replays the receipt for the same fingerprint, refuses another.</summary>
    Task<Reply<ContactReceipt>> CreateAsync(NewContact request, string fingerprint);

    /// <summary>The contact with its route explanation.</summary>
    Task<Reply<ContactSnapshot>> GetAsync();

    /// <summary>The operator it was offered to takes it.</summary>
    Task<Reply<ContactSnapshot>> AcceptAsync(string operatorId);

    /// <summary>The operator it was offered to declines it; it is offered to someone else.</summary>
    Task<Reply<ContactSnapshot>> RejectAsync(string operatorId);

    /// <summary>Moves the ticket to another status, if <see cref="TicketLifecycle"/> lets the actor; a conflict names the statuses allowed.</summary>
    Task<Reply<ContactSnapshot>> ChangeStatusAsync(StatusRequest request);

    /// <summary>The customer rates the closed ticket, once.</summary>
    Task<Reply<ContactSnapshot>> RateTicketAsync(string customerId, int score, bool? like, string? comment);

    /// <summary>Creates a task of the center's own (a callback, a follow-up); replays the receipt when it exists.</summary>
    Task<Reply<ContactReceipt>> CreateTaskAsync(ContactTask task);

    /// <summary>A department head assigns a waiting or postponed ticket to one operator at work; it waits for them alone.</summary>
    Task<Reply<ContactSnapshot>> AssignAsync(string operatorId, string assignedBy);

    /// <summary>Links a related ticket, missed call or broadcast.</summary>
    Task<Reply<ContactSnapshot>> LinkAsync(string link);

    /// <summary>The operator handling it passes it to a colleague, a department or a line.</summary>
    Task<Reply<ContactSnapshot>> TransferAsync(string operatorId, TransferTarget target);

    /// <summary>An operator who handled it rates its customer.</summary>
    Task<Reply<CustomerSnapshot>> RateCustomerAsync(string customerId, string operatorId, int literacy, int temperament);

    /// <summary>Its department reserved an operator for it while it waited.</summary>
    [OneWay]
    Task OfferedAsync(Placement placement);

    /// <summary>The operator it was offered to let the offer time out.</summary>
    [OneWay]
    Task OfferExpiredAsync(string operatorId);

    /// <summary>The operator holding it went offline or on a break.</summary>
    [OneWay]
    Task OperatorLeftAsync(string operatorId);

    /// <summary>An escalation step moved it to a neighbouring department's queue.</summary>
    [OneWay]
    Task MovedAsync(string department, string reason);
}
