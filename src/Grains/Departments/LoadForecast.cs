using Helpdesk.Grains.Balancing;

namespace Helpdesk.Grains.Departments;

/// <summary>A department's forecast for the next interval, as the API shows it.</summary>
/// <param name="OfferedLoad">Erlangs offered: arrivals per second times the handle time.</param>
/// <param name="Occupancy">The share of the operators' time the load would take.</param>
/// <param name="ProbabilityOfWait">The chance a contact waits at all.</param>
/// <param name="AverageSpeedOfAnswerSeconds">The mean wait; <see langword="null"/> when the queue would grow without end.</param>
/// <param name="ServiceLevel">The share answered within the target.</param>
/// <param name="Abandonment">The share who would give up (0 while customers' patience is not known).</param>
[GenerateSerializer, Alias("helpdesk.LoadForecast")]
public sealed record LoadForecast(
    [property: Id(0)] double OfferedLoad,
    [property: Id(1)] double Occupancy,
    [property: Id(2)] double ProbabilityOfWait,
    [property: Id(3)] double? AverageSpeedOfAnswerSeconds,
    [property: Id(4)] double ServiceLevel,
    [property: Id(5)] double Abandonment)
{
    /// <summary>The forecast's figures, with an endless wait as <see langword="null"/> so it travels as JSON.</summary>
    public static LoadForecast Of(QueueForecast forecast)
    {
        ArgumentNullException.ThrowIfNull(forecast);
        return new(
            forecast.OfferedLoad,
            forecast.Occupancy,
            forecast.ProbabilityOfWait,
            double.IsFinite(forecast.AverageSpeedOfAnswer) ? forecast.AverageSpeedOfAnswer : null,
            forecast.ServiceLevel,
            forecast.Abandonment);
    }
}
