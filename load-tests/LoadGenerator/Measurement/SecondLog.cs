namespace Helpdesk.LoadGenerator.Measurement;

/// <summary>One second's attempts and contacts acknowledged.</summary>
internal sealed class SecondLog
{
    private readonly Lock _lock = new();
    private readonly List<double> _latencies = [];
    private int _ok;
    private int _refused;
    private int _failed;
    private int _created;

    public void Add(Outcome outcome, double latency)
    {
        lock (_lock)
        {
            switch (outcome)
            {
                case Outcome.Ok:
                    _ok++;
                    _latencies.Add(latency);
                    break;
                case Outcome.Refused:
                    _refused++;
                    _latencies.Add(latency);
                    break;
                default:
                    _failed++;
                    break;
            }
        }
    }

    public void Created()
    {
        lock (_lock)
        {
            _created++;
        }
    }

    public SecondFigures Figures(int second)
    {
        lock (_lock)
        {
            var latency = Percentiles.Summarize(_latencies);
            return new SecondFigures(second, _ok, _refused, _failed, _created, latency.P50, latency.P99);
        }
    }
}
