namespace Helpdesk.Grains.Board;

/// <summary>Each department's figures minute by minute, oldest first.</summary>
/// <param name="IntervalSeconds">The time between two points.</param>
/// <param name="Departments">Each department's points.</param>
[GenerateSerializer, Alias("helpdesk.BoardTrends")]
public sealed record BoardTrends([property: Id(0)] int IntervalSeconds, [property: Id(1)] IReadOnlyList<DepartmentTrend> Departments);

/// <summary>One department's trend.</summary>
/// <param name="Id">The department.</param>
/// <param name="Points">Its points, oldest first.</param>
[GenerateSerializer, Alias("helpdesk.DepartmentTrend")]
public sealed record DepartmentTrend([property: Id(0)] string Id, [property: Id(1)] IReadOnlyList<TrendPoint> Points);

/// <summary>A department's figures at one moment.</summary>
/// <param name="At">When they were taken.</param>
/// <param name="ServiceLevel">The service level of the 15 minutes before; <see langword="null"/> with nothing answered or given up.</param>
/// <param name="QueueLength">Contacts waiting.</param>
/// <param name="ArrivalsPerMinute">Contacts that arrived in the minute before.</param>
[GenerateSerializer, Alias("helpdesk.TrendPoint")]
public sealed record TrendPoint([property: Id(0)] DateTimeOffset At, [property: Id(1)] double? ServiceLevel, [property: Id(2)] int QueueLength, [property: Id(3)] double ArrivalsPerMinute);
