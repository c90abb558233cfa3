using System.Runtime.InteropServices;
using Helpdesk.LoadGenerator.Cluster;
using Helpdesk.LoadGenerator.Options;
using Helpdesk.LoadGenerator.Reporting;
using Helpdesk.LoadTests.Shared;

namespace Helpdesk.LoadGenerator;

/// <summary>The command: runs one scenario or the suite, prints the table, writes the report and the charts, and says by its exit code whether every contact was accounted for.</summary>
/// <remarks>
/// A first Ctrl-C ends the arrivals early; the run still settles, checks every contact and reports. A second one, or
/// SIGTERM, or the run's hard time limit, ends it at once. Either way the silos it started are stopped, and the
/// throwaway PostgreSQL with them.
/// </remarks>
internal sealed class GeneratorCommand(LoadOptions options, IReadOnlyList<string> args)
{
    public const int Holds = 0;
    public const int Violated = 1;
    public const int BadOptions = ToolCommand.BadOptions;
    public const int NotCarriedOut = 3;

    public async Task<int> RunAsync()
    {
        using var endArrivals = new CancellationTokenSource();
        using var abort = new CancellationTokenSource(TimeLimit());
        var interrupts = 0;
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            switch (Interlocked.Increment(ref interrupts))
            {
                case 1:
                    e.Cancel = true;
                    Console.Error.WriteLine("[loadgen] Ctrl-C: no more arrivals; settling, checking and reporting (Ctrl-C again to stop now)");
                    endArrivals.Cancel();
                    break;
                case 2:
                    e.Cancel = true;
                    Console.Error.WriteLine("[loadgen] second Ctrl-C: stopping the silos and PostgreSQL now (Ctrl-C again to exit at once, killing them)");
                    abort.Cancel();
                    break;
                default:
                    // The process exits; the exit hooks kill the silos and stop PostgreSQL.
                    e.Cancel = false;
                    break;
            }
        };
        Console.CancelKeyPress += onCancel;
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            abort.Cancel();
        });
        try
        {
            var results = options.Suite ? await RunSuiteAsync(endArrivals.Token, abort.Token) : [await RunOneAsync(endArrivals.Token, abort.Token)];
            var report = options.Suite ? ReportFiles.WriteSuite(results, options, args) : ReportFiles.WriteRun(results[0], args);
            if (options.Suite)
            {
                Console.WriteLine();
                Console.Write(ReportFiles.SummaryTable(results).ToText());
            }

            Console.WriteLine();
            Console.WriteLine($"report: {report}");
            return results.All(result => result.Accounting.Holds) ? Holds : Violated;
        }
        catch (LoadRunException exception)
        {
            Console.Error.WriteLine($"[loadgen] the run could not be carried out: {exception.Message}");
            return NotCarriedOut;
        }
        catch (OperationCanceledException) when (abort.IsCancellationRequested)
        {
            Console.Error.WriteLine($"[loadgen] stopped before the end{(abort.Token.IsCancellationRequested && !endArrivals.IsCancellationRequested ? $" (a signal, or the time limit of {TimeLimit().TotalMinutes:0} min)" : "")}; no report was written");
            return NotCarriedOut;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    private async Task<RunResult> RunOneAsync(CancellationToken endArrivals, CancellationToken abort)
    {
        await using var database = options.StartsSilos && options.Storage == Storage.PostgreSql ? await StartDatabaseAsync(abort) : null;
        var result = await new LoadRun(options, options.Report, database, Console.Error).RunAsync(endArrivals, abort);
        Console.Write(RunReport.ToText(result));
        return result;
    }

    private async Task<IReadOnlyList<RunResult>> RunSuiteAsync(CancellationToken endArrivals, CancellationToken abort)
    {
        ClusterDatabase? database = null;
        var results = new List<RunResult>();
        try
        {
            foreach (var (name, scenario) in Suite.Scenarios(options))
            {
                if (endArrivals.IsCancellationRequested)
                {
                    break;
                }

                Console.Error.WriteLine($"[loadgen] scenario {results.Count + 1}: {scenario.Describe()}");
                if (scenario.Storage == Storage.PostgreSql)
                {
                    database ??= await StartDatabaseAsync(abort);
                }

                var result = await new LoadRun(scenario, name, database, Console.Error).RunAsync(endArrivals, abort);
                Console.Write(RunReport.ToText(result));
                results.Add(result);
            }

            return results;
        }
        finally
        {
            if (database is not null)
            {
                await database.DisposeAsync();
            }
        }
    }

    private static Task<ClusterDatabase> StartDatabaseAsync(CancellationToken cancellationToken) =>
        ClusterDatabase.StartAsync(line => Console.Error.WriteLine($"[postgres] {line}"), cancellationToken);

    private TimeSpan TimeLimit() => options.Suite ? 4 * options.TimeLimit : options.TimeLimit;
}
