using Helpdesk.LoadGenerator.Measurement;
using Helpdesk.LoadGenerator.Options;
using Helpdesk.LoadGenerator.Reporting;

namespace Helpdesk.LoadGenerator.Cluster;

/// <summary>Brings the run's fault about at its time, to the last silo or to PostgreSQL, and watches what follows.</summary>
/// <param name="fault">What goes wrong.</param>
/// <param name="cluster">The silos started for the run.</param>
/// <param name="database">Their PostgreSQL server.</param>
/// <param name="say">Where progress lines go.</param>
internal sealed class FaultRun(Fault fault, LocalCluster cluster, ClusterDatabase? database, Action<string> say)
{
    /// <summary>How long the others may take to declare a paused silo dead: membership's default takes about 10 s.</summary>
    private static readonly TimeSpan DeclareLimit = TimeSpan.FromSeconds(60);

    /// <summary>How long a resumed silo that was declared dead may take to notice and stop.</summary>
    private static readonly TimeSpan ExitLimit = TimeSpan.FromSeconds(60);

    /// <summary>How long PostgreSQL stays down.</summary>
    private static readonly TimeSpan DatabaseDown = TimeSpan.FromSeconds(3);

    /// <summary>Waits for <paramref name="at"/> on <paramref name="recorder"/>'s clock, then does the fault; <see langword="null"/> when <paramref name="stop"/> comes first.</summary>
    public async Task<FaultOutcome?> RunAsync(TimeSpan at, Recorder recorder, CancellationToken stop)
    {
        ArgumentNullException.ThrowIfNull(recorder);
        try
        {
            var wait = at - recorder.Now;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, stop);
            }
        }
        catch (OperationCanceledException)
        {
            say($"the arrivals ended before the fault's time; no {fault.Name()} was done");
            return null;
        }

        var started = recorder.Now;
        var silo = cluster.Silos.Count - 1;
        var events = new List<string>();
        var findings = new List<string>();
        void Note(string text)
        {
            events.Add($"{text} ({Figures.Seconds(recorder.Now - started)} after the fault)");
            say(text);
        }

        switch (fault)
        {
            case Fault.Kill:
                cluster.Kill(silo);
                break;
            case Fault.Pause:
                await cluster.SignalAsync(silo, "STOP");
                await cluster.WaitDeclaredDeadAsync(silo, DeclareLimit, CancellationToken.None);
                Note($"{cluster.Silos[silo].Name} declared dead by the others");
                await cluster.SignalAsync(silo, "CONT");
                Note($"{cluster.Silos[silo].Name} resumed with SIGCONT");
                if (await cluster.Silos[silo].WaitForExitAsync(ExitLimit, CancellationToken.None))
                {
                    Note($"{cluster.Silos[silo].Name} stopped by itself with exit code {cluster.Silos[silo].ExitCode}");
                }
                else
                {
                    findings.Add($"{cluster.Silos[silo].Name} went on running {Figures.Seconds(ExitLimit)} after it was resumed, though declared dead");
                }

                break;
            case Fault.Stop:
                if (await cluster.StopAsync(silo))
                {
                    Note($"{cluster.Silos[silo].Name} stopped gracefully with exit code {cluster.Silos[silo].ExitCode}");
                }
                else
                {
                    findings.Add($"{cluster.Silos[silo].Name} did not stop within its limit and was killed");
                }

                break;
            case Fault.RestartDatabase:
                say($"PostgreSQL stops for {Figures.Seconds(DatabaseDown)}");
                await (database ?? throw new LoadRunException("--fault restart-db needs silos on PostgreSQL.")).RestartAsync(DatabaseDown, CancellationToken.None);
                Note("PostgreSQL is back");
                break;
        }

        return new FaultOutcome(fault, started, fault.HitsASilo() ? silo : null, events, findings);
    }

    /// <summary>After the run: a silo the fault did not befall that stopped by itself is a finding.</summary>
    public IEnumerable<string> Casualties(FaultOutcome outcome) =>
        cluster.Silos.Where((silo, i) => i != outcome.Silo && silo.ExitedUnasked).Select(silo => $"{silo.Name} stopped by itself with exit code {silo.ExitCode}; its last lines are in its log");
}
