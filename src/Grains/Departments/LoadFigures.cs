using Helpdesk.Grains.Balancing;

namespace Helpdesk.Grains.Departments;

/// <summary>A department's live load.</summary>
/// <param name="ArrivalsPerMinute">Contacts that arrived in the last minute.</param>
/// <param name="SteadyArrivalsPerMinute">Contacts arriving per minute, exponentially smoothed over <see cref="LoadMeter.ArrivalSmoothing"/>.</param>
/// <param name="QueueLength">Contacts waiting.</param>
/// <param name="LongestWaitSeconds">How long the longest-waiting contact has waited.</param>
/// <param name="AvailableOperators">Members who can take a contact now.</param>
/// <param name="OperatorsAtWork">Members not offline.</param>
/// <param name="Occupancy">The share of members at work who hold a contact.</param>
/// <param name="ServiceLevel">The share of the last 15 minutes' answers within the target; <see langword="null"/> before the first.</param>
/// <param name="Answered">Answers in the last 15 minutes.</param>
/// <param name="Abandoned">Contacts given up by their customers in the last 15 minutes.</param>
/// <param name="Abandonment">The share of the last 15 minutes' contacts given up rather than answered; <see langword="null"/> before the first of either.</param>
/// <param name="ServiceLevelTargetSeconds">The target.</param>
/// <param name="QueueByPriority">Contacts waiting per priority (1–5), the priorities with none left out.</param>
/// <param name="BusyOperators">Members at work who hold a contact.</param>
/// <param name="HandleTimeSeconds">The mean handle time, smoothed over the latest conversations (300 s before the first).</param>
/// <param name="Forecast">The next interval's forecast (Erlang C) from <see cref="ToDepartmentLoad"/>.</param>
[GenerateSerializer, Alias("helpdesk.LoadFigures")]
public sealed record LoadFigures(
    [property: Id(0)] double ArrivalsPerMinute,
    [property: Id(1)] double SteadyArrivalsPerMinute,
    [property: Id(2)] int QueueLength,
    [property: Id(3)] double LongestWaitSeconds,
    [property: Id(4)] int AvailableOperators,
    [property: Id(5)] int OperatorsAtWork,
    [property: Id(6)] double Occupancy,
    [property: Id(7)] double? ServiceLevel,
    [property: Id(8)] int Answered,
    [property: Id(9)] int Abandoned,
    [property: Id(10)] double? Abandonment,
    [property: Id(11)] double ServiceLevelTargetSeconds,
    [property: Id(12)] IReadOnlyDictionary<int, int> QueueByPriority,
    [property: Id(13)] int BusyOperators,
    [property: Id(14)] double HandleTimeSeconds,
    [property: Id(15)] LoadForecast Forecast)
{
    /// <summary>
    /// What this department is forecast from: the higher of the last minute's and the steady arrival rate, so a surge shows at once
    /// and a lull only once it lasts; the handle time; and the operators at work.
    /// </summary>
    /// <param name="patienceSeconds">Customers' mean patience, for Erlang A; <see langword="null"/> for Erlang C.</param>
    public DepartmentLoad ToDepartmentLoad(double? patienceSeconds) => new(
        Math.Max(ArrivalsPerMinute, SteadyArrivalsPerMinute) / 60,
        HandleTimeSeconds,
        OperatorsAtWork,
        TimeSpan.FromSeconds(ServiceLevelTargetSeconds),
        patienceSeconds,
        SteadyArrivalsPerMinute / 60);
}
