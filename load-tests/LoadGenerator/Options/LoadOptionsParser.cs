using System.CommandLine;
using Helpdesk.LoadTests.Shared;

namespace Helpdesk.LoadGenerator.Options;

/// <summary>Reads the command line into <see cref="LoadOptions"/>, refusing what cannot run: unknown or out-of-range values, addresses off this machine, a kill without silos to kill.</summary>
internal static class LoadOptionsParser
{
    private static readonly Option<IReadOnlyList<Uri>> Urls = new("--url")
    {
        Description = "Drive a running cluster through these silos (http://127.0.0.1:PORT, [::1] or localhost), loopback only.",
        HelpName = "URL[,URL...]",
        CustomParser = ReadUrls,
    };

    private static readonly Option<string> ApiKey = ToolCommand.Checked<string>(
        "--api-key", "With --url: an admin key of that cluster [default: HELPDESK_API_KEY].", "takes the key itself", text => (text.Trim().Length > 0, text.Trim()), "KEY");

    private static readonly Option<long> Silos = ToolCommand.Whole("--silos", "Or start N silos of src/Silo here and stop them at the end.", 1, LoadOptions.MaxSilos).Default(LoadOptions.Default.Silos);

    private static readonly Option<Storage> StorageKind = ToolCommand.Choice(
        "--storage",
        "Memory or postgres for the silos started [default: memory for one silo, postgres for more]; postgres is a throwaway durable server, or HELPDESK_POSTGRES when set.",
        [("memory", Storage.Memory), ("postgres", Storage.PostgreSql), ("postgresql", Storage.PostgreSql)]);

    private static readonly Option<Fault> FaultKind = ToolCommand.Checked(
        "--fault",
        "What goes wrong mid-run (--silos 2 or more): kill (SIGKILL the last silo), pause (SIGSTOP it until the others declare it dead, then SIGCONT: it must stop by itself), stop (SIGTERM: a graceful stop), restart-db (restart the throwaway PostgreSQL).",
        $"takes one of {Faults.All}",
        text => Faults.Parse(text) is { } fault ? (true, fault) : (false, Fault.None),
        Faults.All.Replace(", ", "|", StringComparison.Ordinal));

    private static readonly Option<double> FaultAt = Seconds("--fault-at", "When, after the first arrival [default: half the duration].", LoadOptions.MaxDuration);

    private static readonly Option<double> Rate = ToolCommand.Number(
        "--rate", "New contacts per second.", $"needs contacts per second above 0 and at most {LoadOptions.MaxRate:0}", 0, LoadOptions.MaxRate).Default(LoadOptions.Default.Rate);

    private static readonly Option<double> Duration = Seconds("--duration", "How long contacts arrive, in seconds.", LoadOptions.MaxDuration).Default(LoadOptions.Default.Duration.TotalSeconds);

    private static readonly Option<long> MaxRequests = ToolCommand.Whole("--max-requests", "Arrivals stop once this many requests were sent.", 1, LoadOptions.MaxRequestsLimit).Default(LoadOptions.Default.MaxRequests);

    private static readonly Option<long> Departments = ToolCommand.Whole("--departments", "Departments.", 1, LoadOptions.MaxDepartments).Default(LoadOptions.Default.Departments);

    private static readonly Option<long> Operators = ToolCommand.Whole("--operators", "Operators, each with a desktop on its event stream.", 1, LoadOptions.MaxOperators).Default(LoadOptions.Default.Operators);

    private static readonly Option<long> Customers = ToolCommand.Whole("--customers", "Customers the contacts come from.", 1, LoadOptions.MaxCustomers).Default(LoadOptions.Default.Customers);

    private static readonly Option<double> HandleTime = Seconds("--handle-time", "Mean time an operator holds a contact, in seconds, each ±50 %.", LoadOptions.MaxHandleTime).Default(LoadOptions.Default.HandleTime.TotalSeconds);

    private static readonly Option<double> Patience = ToolCommand.Number(
        "--patience",
        "A customer gives up a contact not accepted within this many seconds; 0 never.",
        $"needs seconds from 0 (never give up) to {LoadOptions.MaxPatience.TotalSeconds:0}",
        0,
        LoadOptions.MaxPatience.TotalSeconds,
        inclusive: true,
        "seconds").Default(LoadOptions.Default.Patience.TotalSeconds);

    private static readonly Option<long> Seed = ToolCommand.Whole("--seed", "Seeds the plan, the arrivals and the handle times.", 0, int.MaxValue).Default(LoadOptions.Default.Seed);

    private static readonly Option<string> Report = ToolCommand.Checked<string>(
        "--report",
        "Writes reports/NAME.md and reports/NAME.svg.",
        "needs a file name of letters, digits, '-', '_' and '.', not starting with '.'",
        text => (text.Length is > 0 and <= 100 && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.') && !text.StartsWith('.'), text),
        "NAME").Default(LoadOptions.Default.Report);

    private static readonly Option<string> ReportDirectory = ToolCommand.Text("--report-dir", "FOLDER", "Writes the reports there instead of load-tests/LoadGenerator/reports.");

    private static readonly Option<string> Screenshots = ToolCommand.Text(
        "--screenshots", "FOLDER", "Photographs the wallboard of the first silo in Chromium when four fifths of the arrivals are in, at 1920×1080 and 1366×768, into FOLDER/wallboard-WIDTHxHEIGHT.png.");

    private static readonly Option<bool> Suite = new("--suite")
    {
        Description = "Runs one silo in memory, one on PostgreSQL, three, and three with a kill, with the settings above, into reports/http.md and one chart per run.",
    };

    /// <summary>The command line: its options, checks and generated help.</summary>
    public static RootCommand Command { get; } = new(
        "Drives a Helpdesk cluster through its public HTTP API as a contact center's integration would, measures every call and checks that no contact is lost or assigned twice. "
        + "Exit code: 0 when every contact is accounted for, 1 when the invariant check fails, 2 for bad options, 3 when the run could not be carried out.")
    {
        Urls, ApiKey, Silos, StorageKind, FaultKind, FaultAt,
        Rate, Duration, MaxRequests, Departments, Operators, Customers, HandleTime, Patience, Seed,
        Report, ReportDirectory, Screenshots, Suite,
    };

    /// <summary>Reads <paramref name="args"/>; a bad option or value is refused, naming it, and so are options that cannot run together.</summary>
    public static bool TryParse(IReadOnlyList<string> args, out LoadOptions options, out string error) =>
        ToolCommand.TryParse(Command, args, Bind, out options, out error);

    private static (LoadOptions, string?) Bind(ParseResult result)
    {
        var urls = result.GetValue(Urls) ?? [];
        var silos = (int)result.GetValue(Silos);
        var options = new LoadOptions(
            urls,
            silos,
            result.Given(StorageKind) ? result.GetValue(StorageKind) : silos == 1 || urls.Count > 0 ? Storage.Memory : Storage.PostgreSql,
            result.Given(FaultKind) ? result.GetValue(FaultKind) : Fault.None,
            result.Given(FaultAt) ? TimeSpan.FromSeconds(result.GetValue(FaultAt)) : null,
            result.GetValue(Rate),
            TimeSpan.FromSeconds(result.GetValue(Duration)),
            result.GetValue(MaxRequests),
            (int)result.GetValue(Departments),
            (int)result.GetValue(Operators),
            (int)result.GetValue(Customers),
            TimeSpan.FromSeconds(result.GetValue(HandleTime)),
            TimeSpan.FromSeconds(result.GetValue(Patience)),
            (int)result.GetValue(Seed),
            result.GetValue(Report)!,
            result.GetValue(ReportDirectory) is { } folder ? Path.GetFullPath(folder) : null,
            result.GetValue(Suite))
        {
            ApiKey = result.GetValue(ApiKey) ?? (Environment.GetEnvironmentVariable("HELPDESK_API_KEY") is { Length: > 0 } key ? key : null),
            Screenshots = result.GetValue(Screenshots) is { } photos ? Path.GetFullPath(photos) : null,
        };
        return (options, Check(options, result));
    }

    /// <summary>Rules between options, once all are read.</summary>
    private static string? Check(LoadOptions options, ParseResult result)
    {
        if (options.Suite)
        {
            var clash = new Option[] { Urls, Silos, StorageKind, FaultKind, FaultAt, Report }.FirstOrDefault(result.Given);
            return clash is null ? null : $"--suite chooses the silos, the storage, the fault and the report names itself; leave out {clash.Name}.";
        }

        if (!options.StartsSilos)
        {
            if (result.Given(FaultKind) || result.Given(FaultAt))
            {
                return "--fault befalls silos the generator started itself: use --silos N (N ≥ 2) instead of --url.";
            }

            if (result.Given(Silos) || result.Given(StorageKind))
            {
                return "--url drives silos that are already running; --silos and --storage are for silos the generator starts. Give one or the other.";
            }

            return null;
        }

        if (result.Given(ApiKey))
        {
            return "--api-key is the key of a running cluster (--url); silos started here get a key of the run's own.";
        }

        if (options.Storage == Storage.Memory && options.Silos > 1)
        {
            return $"Silos in memory share no state, so {options.Silos} of them are no cluster: use --storage postgres, or --silos 1.";
        }

        if (options.Fault != Fault.None && options.Silos < 2)
        {
            return $"--fault {options.Fault.Name()} needs a cluster that survives it: start at least two silos (--silos 2 or more).";
        }

        if (result.Given(FaultAt) && options.Fault == Fault.None)
        {
            return "--fault-at says when --fault strikes; give --fault too.";
        }

        return options.Fault != Fault.None && options.FaultTime >= options.Duration
            ? $"The fault at {options.FaultTime.TotalSeconds:0.#} s would come after the arrivals end at {options.Duration.TotalSeconds:0.#} s; choose an earlier --fault-at or a longer --duration."
            : null;
    }

    private static IReadOnlyList<Uri> ReadUrls(System.CommandLine.Parsing.ArgumentResult argument)
    {
        var urls = new List<Uri>();
        foreach (var text in argument.Tokens.Single().Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!Loopback.TryParseUrl(text, out var url, out var error))
            {
                argument.AddError(error);
                return [];
            }

            urls.Add(url);
        }

        if (urls.Count == 0)
        {
            argument.AddError("--url needs at least one address, e.g. http://127.0.0.1:5001.");
        }

        return urls.Distinct().ToList();
    }

    private static Option<double> Seconds(string name, string description, TimeSpan max) =>
        ToolCommand.Number(name, description, $"needs a number of seconds above 0 and at most {max.TotalSeconds:0}", 0, max.TotalSeconds, helpName: "seconds");
}
