namespace Helpdesk.Grains.Reports;

/// <summary>One operator's work for a department on a day.</summary>
/// <param name="OperatorId">The operator.</param>
/// <param name="Handled">Conversations they finished.</param>
/// <param name="HandleTime">Their handle time, summed.</param>
/// <param name="Staffed">Their time at work.</param>
public sealed record OperatorWork(string OperatorId, int Handled, TimeSpan HandleTime, TimeSpan Staffed);
