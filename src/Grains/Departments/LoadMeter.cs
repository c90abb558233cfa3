using Helpdesk.Grains.Routing;

namespace Helpdesk.Grains.Departments;

/// <summary>Counts a department's arrivals and answers over sliding windows and sums up its live load.</summary>
public sealed class LoadMeter(TimeSpan serviceLevelTarget)
{
    /// <summary>The window arrivals per minute are counted over.</summary>
    public static readonly TimeSpan ArrivalWindow = TimeSpan.FromMinutes(1);

    /// <summary>The window the service level is measured over.</summary>
    public static readonly TimeSpan AnswerWindow = TimeSpan.FromMinutes(15);

    /// <summary>The handle time assumed before the first conversation ends.</summary>
    public static readonly TimeSpan DefaultHandleTime = TimeSpan.FromMinutes(5);

    /// <summary>The time constant the smoothed arrival rate forgets over.</summary>
    public static readonly TimeSpan ArrivalSmoothing = TimeSpan.FromMinutes(45);

    /// <summary>How much each new conversation moves the smoothed handle time once past the first fifty, which are averaged.</summary>
    private const double HandleTimeWeight = 0.02;

    private DateTimeOffset? _firstArrival;
    private DateTimeOffset _lastArrival;
    private double _arrivalLevel;
    private int _handled;

    private readonly Queue<DateTimeOffset> _arrivals = new();
    private double? _handleTimeSeconds;
    private readonly Queue<(DateTimeOffset At, bool WithinTarget)> _answers = new();
    private readonly Queue<DateTimeOffset> _abandons = new();

    /// <summary>A contact arrived.</summary>
    public void Arrived(DateTimeOffset at)
    {
        _arrivals.Enqueue(at);
        _firstArrival ??= at;
        _arrivalLevel = (Decay(at - _lastArrival) * _arrivalLevel) + 1;
        _lastArrival = at;
    }

    private static double Decay(TimeSpan elapsed) => Math.Exp(-Math.Max(0, elapsed.TotalSeconds) / ArrivalSmoothing.TotalSeconds);

    /// <summary>
    /// Arrivals per second, exponentially smoothed, and corrected while the first arrival is less than a few time constants old
    /// (counting at least a minute, so one arrival alone is not read as a rate).
    /// </summary>
    private double SteadyRate(DateTimeOffset now)
    {
        if (_firstArrival is not { } first)
        {
            return 0;
        }

        var seen = 1 - Decay(now - first < ArrivalWindow ? ArrivalWindow : now - first);
        return seen <= 0 ? 0 : _arrivalLevel * Decay(now - _lastArrival) / (ArrivalSmoothing.TotalSeconds * seen);
    }

    /// <summary>A contact was answered after waiting <paramref name="waited"/>.</summary>
    public void Answered(DateTimeOffset at, TimeSpan waited) => _answers.Enqueue((at, waited <= serviceLevelTarget));

    /// <summary>A waiting contact's customer gave up after <paramref name="waited"/>.</summary>
    public void Abandoned(DateTimeOffset at, TimeSpan waited) => _abandons.Enqueue(at);

    /// <summary>A conversation ended after <paramref name="duration"/>.</summary>
    public void Handled(TimeSpan duration)
    {
        _handled++;
        var smoothed = _handleTimeSeconds ?? 0;
        _handleTimeSeconds = smoothed + (Math.Max(HandleTimeWeight, 1.0 / _handled) * (duration.TotalSeconds - smoothed));
    }

    /// <summary>The load now.</summary>
    public LoadFigures Figures(DateTimeOffset now, IReadOnlyCollection<MemberView> members, IReadOnlyCollection<WaitingContact> queue)
    {
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(queue);
        while (_arrivals.TryPeek(out var at) && now - at > ArrivalWindow)
        {
            _arrivals.Dequeue();
        }

        while (_answers.TryPeek(out var answer) && now - answer.At > AnswerWindow)
        {
            _answers.Dequeue();
        }

        while (_abandons.TryPeek(out var abandoned) && now - abandoned > AnswerWindow)
        {
            _abandons.Dequeue();
        }

        var atWork = members.Where(member => member.Presence != Presence.Offline).ToList();
        var within = _answers.Count(answer => answer.WithinTarget);
        var busy = atWork.Count(member => member.ActiveContacts > 0);
        var handleTime = Math.Max(1, _handleTimeSeconds ?? DefaultHandleTime.TotalSeconds);
        var figures = new LoadFigures(
            ArrivalsPerMinute: _arrivals.Count / ArrivalWindow.TotalMinutes,
            SteadyArrivalsPerMinute: SteadyRate(now) * 60,
            QueueLength: queue.Count,
            LongestWaitSeconds: queue.Count == 0 ? 0 : queue.Max(contact => (now - contact.ArrivedAt).TotalSeconds),
            AvailableOperators: atWork.Count(member => member.FreeCapacity.Values.Any(free => free > 0)),
            OperatorsAtWork: atWork.Count,
            Occupancy: atWork.Count == 0 ? 0 : (double)busy / atWork.Count,
            ServiceLevel: _answers.Count == 0 ? null : (double)within / _answers.Count,
            Answered: _answers.Count,
            Abandoned: _abandons.Count,
            Abandonment: _answers.Count + _abandons.Count == 0 ? null : (double)_abandons.Count / (_answers.Count + _abandons.Count),
            ServiceLevelTargetSeconds: serviceLevelTarget.TotalSeconds,
            QueueByPriority: queue.GroupBy(contact => contact.Priority).OrderBy(group => group.Key).ToDictionary(group => group.Key, group => group.Count()),
            BusyOperators: busy,
            HandleTimeSeconds: handleTime,
            Forecast: null!);
        return figures with { Forecast = LoadForecast.Of(figures.ToDepartmentLoad(patienceSeconds: null).Forecast()) };
    }
}
