namespace Helpdesk.Grains.Balancing;

/// <summary>What a department's forecast is made from: its live arrival rate, handle time and staffing.</summary>
/// <param name="ArrivalsPerSecond">Contacts arriving per second, smoothed.</param>
/// <param name="HandleTimeSeconds">The mean handle time, above 0.</param>
/// <param name="Agents">Operators at work.</param>
/// <param name="Target">The answer time the service level counts within.</param>
/// <param name="PatienceSeconds">Customers' mean patience, when known (Erlang A); else Erlang C.</param>
public sealed record DepartmentLoad(double ArrivalsPerSecond, double HandleTimeSeconds, int Agents, TimeSpan Target, double? PatienceSeconds = null)
{
    /// <summary>The forecast with <paramref name="agentsChange"/> more (or fewer) operators at work.</summary>
    public QueueForecast Forecast(int agentsChange = 0) =>
        QueueModel.Forecast(ArrivalsPerSecond, HandleTimeSeconds, Math.Max(0, Agents + agentsChange), Target, PatienceSeconds);
}
