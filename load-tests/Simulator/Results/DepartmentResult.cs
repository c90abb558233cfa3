namespace Helpdesk.Simulator.Results;

/// <summary>One department's figures, or the center's, over a run's measured window.</summary>
/// <param name="Id">The department, or "center".</param>
/// <param name="Arrived">Contacts that arrived in the window.</param>
/// <param name="Answered">Of those, the contacts an operator answered.</param>
/// <param name="Abandoned">Of those, the contacts given up before an answer.</param>
/// <param name="ServiceLevel">The share of them answered within the target; those given up count as missed.</param>
/// <param name="AverageSpeedOfAnswer">The mean wait of those answered, in seconds.</param>
/// <param name="Abandonment">The share given up before an answer.</param>
/// <param name="Occupancy">The share of its own operators' time spent in conversations.</param>
/// <param name="Transfers">Contacts passed on to the next line, per contact arrived.</param>
/// <param name="OperatorSecondsPerContact">Operator time per solved contact, over every line it went through.</param>
public sealed record DepartmentResult(
    string Id,
    int Arrived,
    int Answered,
    int Abandoned,
    double ServiceLevel,
    double AverageSpeedOfAnswer,
    double Abandonment,
    double Occupancy,
    double Transfers,
    double OperatorSecondsPerContact);
