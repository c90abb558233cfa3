namespace Helpdesk.Grains.Balancing;

/// <summary>"What if one operator moves from one department to another": both departments' forecasts before and after.</summary>
/// <param name="FromBefore">The department left, as it is.</param>
/// <param name="FromAfter">The department left, one operator short.</param>
/// <param name="ToBefore">The department joined, as it is.</param>
/// <param name="ToAfter">The department joined, one operator more.</param>
/// <param name="Gain">The change in the service level of both together, weighted by their arrivals: above 0 when the move helps.</param>
[GenerateSerializer, Alias("helpdesk.MoveForecast")]
public sealed record MoveForecast(
    [property: Id(0)] QueueForecast FromBefore,
    [property: Id(1)] QueueForecast FromAfter,
    [property: Id(2)] QueueForecast ToBefore,
    [property: Id(3)] QueueForecast ToAfter,
    [property: Id(4)] double Gain)
{
    /// <summary>Forecasts the move of one operator from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static MoveForecast Of(DepartmentLoad from, DepartmentLoad to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        var (fromBefore, fromAfter, toBefore, toAfter) = (from.Forecast(), from.Forecast(-1), to.Forecast(), to.Forecast(+1));
        var arrivals = from.ArrivalsPerSecond + to.ArrivalsPerSecond;
        var gain = arrivals == 0
            ? 0
            : ((from.ArrivalsPerSecond * (fromAfter.ServiceLevel - fromBefore.ServiceLevel)) + (to.ArrivalsPerSecond * (toAfter.ServiceLevel - toBefore.ServiceLevel))) / arrivals;
        return new MoveForecast(fromBefore, fromAfter, toBefore, toAfter, gain);
    }
}
