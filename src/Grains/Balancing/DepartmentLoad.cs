namespace Helpdesk.Grains.Balancing;

/// <summary>What a department's forecast is made from: its live arrival rate, handle time and staffing.</summary>
/// <param name="ArrivalsPerSecond">Contacts arriving per second, smoothed.</param>
/// <param name="HandleTimeSeconds">The mean handle time, above 0.</param>
/// <param name="Agents">Operators at work.</param>
/// <param name="Target">The answer time the service level counts within.</param>
/// <param name="PatienceSeconds">Customers' mean patience, when known (Erlang A); else Erlang C.</param>
/// <param name="SteadyArrivalsPerSecond">Contacts arriving per second smoothed over a longer time, when known; it moves slowly, so a lull or a spike does not show in it at once.</param>
public sealed record DepartmentLoad(double ArrivalsPerSecond, double HandleTimeSeconds, int Agents, TimeSpan Target, double? PatienceSeconds = null, double? SteadyArrivalsPerSecond = null)
{
    /// <summary>The same load at its steady arrival rate, smoothed over a longer time, when known.</summary>
    public DepartmentLoad Steady => SteadyArrivalsPerSecond is { } steady ? this with { ArrivalsPerSecond = steady } : this;

    /// <summary>The forecast with <paramref name="agentsChange"/> more (or fewer) operators at work.</summary>
    public QueueForecast Forecast(int agentsChange = 0) =>
        QueueModel.Forecast(ArrivalsPerSecond, HandleTimeSeconds, Math.Max(0, Agents + agentsChange), Target, PatienceSeconds);

    /// <summary>
    /// The forecast with <paramref name="staff"/> operators in place of <see cref="Agents"/>, where operators who give only part of
    /// their time count in part: each figure lies between those of the whole numbers around it, in proportion.
    /// </summary>
    public QueueForecast ForecastAt(double staff)
    {
        if (!double.IsFinite(staff))
        {
            throw new ArgumentOutOfRangeException(nameof(staff), staff, "Give the staff as a finite number of operators.");
        }

        staff = Math.Max(0, staff);
        var whole = (int)Math.Floor(staff);
        var part = staff - whole;
        var below = QueueModel.Forecast(ArrivalsPerSecond, HandleTimeSeconds, whole, Target, PatienceSeconds);
        if (part == 0)
        {
            return below;
        }

        var above = QueueModel.Forecast(ArrivalsPerSecond, HandleTimeSeconds, whole + 1, Target, PatienceSeconds);
        return new QueueForecast(
            below.OfferedLoad,
            Between(below.Occupancy, above.Occupancy, part),
            Between(below.ProbabilityOfWait, above.ProbabilityOfWait, part),
            Between(below.AverageSpeedOfAnswer, above.AverageSpeedOfAnswer, part),
            Between(below.ServiceLevel, above.ServiceLevel, part),
            Between(below.Abandonment, above.Abandonment, part));
    }

    /// <summary>The value <paramref name="part"/> of the way from <paramref name="from"/> to <paramref name="to"/>; an infinite end holds until halfway.</summary>
    private static double Between(double from, double to, double part) =>
        double.IsInfinity(from) || double.IsInfinity(to) ? (part < 0.5 ? from : to) : from + (part * (to - from));
}
