namespace Helpdesk.Grains.Access;

/// <summary>What a caller of the API may do.</summary>
public enum Role
{
    /// <summary>The center's IVR, web forms and CRM: creates contacts and acts for customers.</summary>
    Integration,

    /// <summary>One operator, acting as themselves: presence, offers, their contacts, their ratings, their event stream.</summary>
    Operator,

    /// <summary>Departments, operators' loans, the balancer, broadcasts, assignments, reports, the supervisor stream.</summary>
    Supervisor,

    /// <summary>Everything, plus credentials, the audit trail and cluster views.</summary>
    Admin,
}
