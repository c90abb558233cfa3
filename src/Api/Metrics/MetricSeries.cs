namespace Helpdesk.Api.Metrics;

/// <summary>The aggregate of one instrument for one set of labels.</summary>
/// <remarks>Lock-free, because grain calls record on every thread; a scrape may see a histogram's sum lag its buckets by a few observations.</remarks>
internal sealed class MetricSeries(string labels, int bucketCount)
{
    // Per bucket, not cumulative; the last one is +Inf.
    private readonly long[] _buckets = new long[bucketCount];
    private double _value;

    /// <summary>The rendered labels, <c>a="x",b="y"</c>, sorted by name; empty without labels.</summary>
    public string Labels => labels;

    /// <summary>A counter's sum, a gauge's value, or a histogram's sum of observations.</summary>
    public double Value => Volatile.Read(ref _value);

    public void Add(double value)
    {
        var current = Volatile.Read(ref _value);
        while (true)
        {
            var seen = Interlocked.CompareExchange(ref _value, current + value, current);
            if (BitConverter.DoubleToInt64Bits(seen) == BitConverter.DoubleToInt64Bits(current))
            {
                return;
            }

            current = seen;
        }
    }

    public void Set(double value) => Interlocked.Exchange(ref _value, value);

    public void Observe(int bucket, double value)
    {
        Interlocked.Increment(ref _buckets[bucket]);
        Add(value);
    }

    /// <summary>The cumulative bucket counts, as Prometheus wants them; the last one is the count.</summary>
    public long[] CumulativeBuckets()
    {
        var cumulative = new long[_buckets.Length];
        long total = 0;
        for (var i = 0; i < _buckets.Length; i++)
        {
            total += Volatile.Read(ref _buckets[i]);
            cumulative[i] = total;
        }

        return cumulative;
    }
}
