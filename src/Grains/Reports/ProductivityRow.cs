namespace Helpdesk.Grains.Reports;

/// <summary>One operator's productivity in a period.</summary>
/// <param name="OperatorId">The operator.</param>
/// <param name="Handled">Conversations they finished.</param>
/// <param name="HandleSeconds">Their handle time, summed.</param>
/// <param name="AverageHandleSeconds">Their mean handle time, to 0.01 s; zero when they handled none.</param>
/// <param name="StaffedSeconds">Their time at work.</param>
public sealed record ProductivityRow(string OperatorId, int Handled, double HandleSeconds, double AverageHandleSeconds, double StaffedSeconds);
