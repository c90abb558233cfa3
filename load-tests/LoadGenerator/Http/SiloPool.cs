using System.Net;

namespace Helpdesk.LoadGenerator.Http;

/// <summary>The silos requests go to, round robin; one that cannot be reached leaves the rotation until its readiness probe answers again.</summary>
/// <remarks>
/// A real integration balances over the silos it knows, as nginx does in front of the docker-compose cluster: it
/// sends nothing more to a silo that refused a connection, and probes <c>/health/ready</c> to take it back.
/// </remarks>
internal sealed class SiloPool(IReadOnlyList<Uri> silos, HttpClient http, CancellationToken stopping)
{
    private static readonly TimeSpan ProbePeriod = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan ProbeLimit = TimeSpan.FromSeconds(1);

    private readonly int[] _down = new int[silos.Count];
    private int _next = -1;

    public int Count => silos.Count;

    /// <summary>Silos in the rotation now.</summary>
    public int Up => _down.Count(down => Volatile.Read(ref down) == 0);

    public Uri this[int silo] => silos[silo];

    /// <summary>The next silo in the rotation, or the next of all when none is up.</summary>
    public int Pick()
    {
        for (var tries = 0; tries < silos.Count; tries++)
        {
            var silo = (int)((uint)Interlocked.Increment(ref _next) % (uint)silos.Count);
            if (Volatile.Read(ref _down[silo]) == 0)
            {
                return silo;
            }
        }

        return (int)((uint)Interlocked.Increment(ref _next) % (uint)silos.Count);
    }

    /// <summary>Takes <paramref name="silo"/> out of the rotation, if it is in, and probes it until it is ready again.</summary>
    public void MarkDown(int silo)
    {
        if (Interlocked.CompareExchange(ref _down[silo], 1, 0) == 0)
        {
            _ = ProbeAsync(silo);
        }
    }

    private async Task ProbeAsync(int silo)
    {
        var ready = new Uri(silos[silo], "health/ready");
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(ProbePeriod, stopping);
                using var limit = CancellationTokenSource.CreateLinkedTokenSource(stopping);
                limit.CancelAfter(ProbeLimit);
                using var response = await http.GetAsync(ready, limit.Token);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    Volatile.Write(ref _down[silo], 0);
                    return;
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException or IOException)
            {
                // Still unreachable or slow to answer: probe again after the period.
            }
        }
    }
}
