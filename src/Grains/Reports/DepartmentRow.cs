namespace Helpdesk.Grains.Reports;

/// <summary>One department's tickets in a period.</summary>
/// <param name="Department">The department.</param>
/// <param name="Created">Tickets that arrived.</param>
/// <param name="Closed">Tickets closed.</param>
/// <param name="Deflected">Tickets a broadcast answered at once.</param>
/// <param name="Handled">Conversations its operators finished.</param>
/// <param name="Transfers">Tickets transferred.</param>
public sealed record DepartmentRow(string Department, int Created, int Closed, int Deflected, int Handled, int Transfers);
