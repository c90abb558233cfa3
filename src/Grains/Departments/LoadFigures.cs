namespace Helpdesk.Grains.Departments;

/// <summary>A department's live load.</summary>
/// <param name="ArrivalsPerMinute">Contacts that arrived in the last minute.</param>
/// <param name="QueueLength">Contacts waiting.</param>
/// <param name="LongestWaitSeconds">How long the longest-waiting contact has waited.</param>
/// <param name="AvailableOperators">Members who can take a contact now.</param>
/// <param name="OperatorsAtWork">Members not offline.</param>
/// <param name="Occupancy">The share of members at work who hold a contact.</param>
/// <param name="ServiceLevel">The share of the last 15 minutes' answers within the target; <see langword="null"/> before the first.</param>
/// <param name="Answered">Answers in the last 15 minutes.</param>
/// <param name="ServiceLevelTargetSeconds">The target.</param>
public sealed record LoadFigures(
    double ArrivalsPerMinute,
    int QueueLength,
    double LongestWaitSeconds,
    int AvailableOperators,
    int OperatorsAtWork,
    double Occupancy,
    double? ServiceLevel,
    int Answered,
    double ServiceLevelTargetSeconds);
