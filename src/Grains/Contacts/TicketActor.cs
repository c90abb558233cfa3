namespace Helpdesk.Grains.Contacts;

/// <summary>Who moves a ticket from one status to another.</summary>
public enum TicketActor
{
    /// <summary>The system: routing, timers and SLA actions.</summary>
    Router,

    /// <summary>The operator responsible for the ticket.</summary>
    Operator,

    /// <summary>The customer who raised it.</summary>
    Customer,
}
