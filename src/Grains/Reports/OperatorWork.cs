namespace Helpdesk.Grains.Reports;

/// <summary>One operator's work for a department on a day.</summary>
/// <param name="OperatorId">The operator.</param>
/// <param name="Handled">Conversations they finished.</param>
/// <param name="HandleTime">Their handle time, summed.</param>
/// <param name="Staffed">Their time at work.</param>
[GenerateSerializer, Alias("helpdesk.OperatorWork")]
public sealed record OperatorWork(
    [property: Id(0)] string OperatorId,
    [property: Id(1)] int Handled,
    [property: Id(2)] TimeSpan HandleTime,
    [property: Id(3)] TimeSpan Staffed);
