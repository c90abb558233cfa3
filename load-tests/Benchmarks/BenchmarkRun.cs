using Helpdesk.Benchmarks.Boards;
using Helpdesk.Benchmarks.Calls;
using Helpdesk.Benchmarks.Contacts;
using Helpdesk.Benchmarks.Failover;
using Helpdesk.Benchmarks.Reporting;
using Helpdesk.Benchmarks.Routing;
using Helpdesk.Benchmarks.Writes;

namespace Helpdesk.Benchmarks;

/// <summary>Runs the chosen suites within a hard time limit, prints the table and writes the report.</summary>
internal sealed class BenchmarkRun(BenchmarkOptions options, string[] args)
{
    public async Task<int> RunAsync()
    {
        using var timeLimit = new CancellationTokenSource(options.TimeLimit);
        var loadBefore = MachineLoad.Read();
        try
        {
            List<SuiteResult> suites = [];
            if (options.Runs(Suite.Calls))
            {
                suites.Add(await new CallSuite(options).RunAsync(timeLimit.Token));
            }

            if (options.Runs(Suite.CrossSilo))
            {
                suites.Add(await new CrossSiloSuite(options).RunAsync(timeLimit.Token));
            }

            if (options.Runs(Suite.Writes))
            {
                suites.Add(await new WriteSuite(options).RunAsync(timeLimit.Token));
            }

            if (options.Runs(Suite.Routing))
            {
                suites.Add(await new RoutingSuite(options).RunAsync(timeLimit.Token));
            }

            if (options.Runs(Suite.Contacts))
            {
                suites.Add(await new ContactSuite(options).RunAsync(timeLimit.Token));
            }

            if (options.Runs(Suite.Boards))
            {
                suites.Add(await new BoardSuite(options).RunAsync(timeLimit.Token));
            }

            if (options.Runs(Suite.Failover))
            {
                suites.Add(await new FailoverSuite(options).RunAsync(timeLimit.Token));
            }

            suites.Add(new SuiteResult([], [$"Machine load average (1 min) {loadBefore} before the run and {MachineLoad.Read()} after it; anything else running on these {Environment.ProcessorCount} cores shows in the figures."]));
            var table = new ResultTable(suites);
            Console.WriteLine();
            Console.WriteLine(table.ToText());
            Console.WriteLine($"Report written to {ReportFile.Write(table, options, args)}");
            return 0;
        }
        catch (BenchmarkException exception)
        {
            Console.Error.WriteLine($"Benchmark failed: {exception.Message}");
            if (exception.InnerException is { } inner)
            {
                Console.Error.WriteLine($"  {inner.GetType().Name}: {inner.Message}");
            }

            return 1;
        }
        catch (OperationCanceledException) when (timeLimit.IsCancellationRequested)
        {
            Console.Error.WriteLine($"Benchmark failed: the run did not finish within its limit of {options.TimeLimit.TotalMinutes:F0} min; something hangs.");
            return 1;
        }
    }
}
