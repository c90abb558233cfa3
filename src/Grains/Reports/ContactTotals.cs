namespace Helpdesk.Grains.Reports;

/// <summary>A period's totals across the center.</summary>
/// <param name="Created">Tickets that arrived, deflected ones included.</param>
/// <param name="Closed">Tickets closed.</param>
/// <param name="Deflected">Tickets a broadcast answered at once.</param>
/// <param name="Handled">Conversations operators finished.</param>
/// <param name="Transfers">Tickets transferred.</param>
/// <param name="SolutionsProposed">Solutions proposed.</param>
/// <param name="SolutionsRejected">Solutions rejected.</param>
public sealed record ContactTotals(int Created, int Closed, int Deflected, int Handled, int Transfers, int SolutionsProposed, int SolutionsRejected);
