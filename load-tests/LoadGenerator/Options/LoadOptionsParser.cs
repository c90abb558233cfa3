using System.Globalization;

namespace Helpdesk.LoadGenerator.Options;

/// <summary>Reads the command line into <see cref="LoadOptions"/>, refusing what cannot run: unknown or out-of-range values, addresses off this machine, a kill without silos to kill.</summary>
internal static class LoadOptionsParser
{
    public static bool TryParse(IReadOnlyList<string> args, out LoadOptions options, out string error)
    {
        ArgumentNullException.ThrowIfNull(args);
        options = LoadOptions.Default;
        error = "";
        var given = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (!given.Add(name))
            {
                error = $"{name} is given twice.";
                return false;
            }

            if (name == "--suite")
            {
                options = options with { Suite = true };
                continue;
            }

            if (!name.StartsWith("--", StringComparison.Ordinal) || Read(name) is not { } read)
            {
                error = $"Unknown argument '{name}'.";
                return false;
            }

            if (i + 1 >= args.Count)
            {
                error = $"{name} needs a value.";
                return false;
            }

            var value = args[++i];
            if (read(options, value, out var changed) is { } refusal)
            {
                error = refusal;
                return false;
            }

            options = changed;
        }

        options = Complete(options, given.Contains("--storage"));
        if (options.ApiKey is null && Environment.GetEnvironmentVariable("HELPDESK_API_KEY") is { Length: > 0 } key)
        {
            options = options with { ApiKey = key };
        }

        error = Check(options, given) ?? "";
        return error.Length == 0;
    }

    private delegate string? Reader(LoadOptions options, string value, out LoadOptions changed);

    private static Reader? Read(string name) => name switch
    {
        "--url" => ReadUrls,
        "--api-key" => ReadApiKey,
        "--silos" => (LoadOptions o, string v, out LoadOptions c) => Whole(name, v, 1, LoadOptions.MaxSilos, o, n => o with { Silos = n }, out c),
        "--storage" => ReadStorage,
        "--fault" => ReadFault,
        "--fault-at" => (LoadOptions o, string v, out LoadOptions c) => Seconds(name, v, 0, LoadOptions.MaxDuration.TotalSeconds, o, s => o with { FaultAt = s }, out c),
        "--rate" => ReadRate,
        "--duration" => (LoadOptions o, string v, out LoadOptions c) => Seconds(name, v, 0, LoadOptions.MaxDuration.TotalSeconds, o, s => o with { Duration = s }, out c),
        "--max-requests" => ReadMaxRequests,
        "--departments" => (LoadOptions o, string v, out LoadOptions c) => Whole(name, v, 1, LoadOptions.MaxDepartments, o, n => o with { Departments = n }, out c),
        "--operators" => (LoadOptions o, string v, out LoadOptions c) => Whole(name, v, 1, LoadOptions.MaxOperators, o, n => o with { Operators = n }, out c),
        "--customers" => (LoadOptions o, string v, out LoadOptions c) => Whole(name, v, 1, LoadOptions.MaxCustomers, o, n => o with { Customers = n }, out c),
        "--handle-time" => (LoadOptions o, string v, out LoadOptions c) => Seconds(name, v, 0, LoadOptions.MaxHandleTime.TotalSeconds, o, s => o with { HandleTime = s }, out c),
        "--patience" => ReadPatience,
        "--seed" => (LoadOptions o, string v, out LoadOptions c) => Whole(name, v, 0, int.MaxValue, o, n => o with { Seed = n }, out c),
        "--report" => ReadReport,
        "--report-dir" => ReadReportDirectory,
        "--screenshots" => (LoadOptions o, string v, out LoadOptions c) =>
        {
            c = o with { Screenshots = Path.GetFullPath(v) };
            return null;
        },
        _ => null,
    };

    /// <summary>Rules between options, once all are read.</summary>
    private static string? Check(LoadOptions options, HashSet<string> given)
    {
        if (options.Suite)
        {
            var clash = new[] { "--url", "--silos", "--storage", "--fault", "--fault-at", "--report" }.FirstOrDefault(given.Contains);
            return clash is null ? null : $"--suite chooses the silos, the storage, the fault and the report names itself; leave out {clash}.";
        }

        if (!options.StartsSilos)
        {
            if (given.Contains("--fault") || given.Contains("--fault-at"))
            {
                return "--fault befalls silos the generator started itself: use --silos N (N ≥ 2) instead of --url.";
            }

            if (given.Contains("--silos") || given.Contains("--storage"))
            {
                return "--url drives silos that are already running; --silos and --storage are for silos the generator starts. Give one or the other.";
            }

            return null;
        }

        if (given.Contains("--api-key"))
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

        if (given.Contains("--fault-at") && options.Fault == Fault.None)
        {
            return "--fault-at says when --fault strikes; give --fault too.";
        }

        return options.Fault != Fault.None && options.FaultTime >= options.Duration
            ? $"The fault at {options.FaultTime.TotalSeconds:0.#} s would come after the arrivals end at {options.Duration.TotalSeconds:0.#} s; choose an earlier --fault-at or a longer --duration."
            : null;
    }

    /// <summary>The storage follows the number of silos when not given: memory for one, PostgreSQL for more.</summary>
    private static LoadOptions Complete(LoadOptions options, bool storageGiven) =>
        storageGiven || !options.StartsSilos ? options : options with { Storage = options.Silos == 1 ? Storage.Memory : Storage.PostgreSql };

    private static string? ReadFault(LoadOptions options, string value, out LoadOptions changed)
    {
        changed = options;
        if (Faults.Parse(value) is not { } fault)
        {
            return $"--fault takes one of {Faults.All}; got '{value}'.";
        }

        changed = options with { Fault = fault };
        return null;
    }

    private static string? ReadApiKey(LoadOptions options, string value, out LoadOptions changed)
    {
        changed = options with { ApiKey = value.Trim() };
        return changed.ApiKey!.Length == 0 ? "--api-key takes the key itself." : null;
    }

    private static string? ReadUrls(LoadOptions options, string value, out LoadOptions changed)
    {
        changed = options;
        var urls = new List<Uri>();
        foreach (var text in value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!Loopback.TryParseUrl(text, out var url, out var error))
            {
                return error;
            }

            urls.Add(url);
        }

        if (urls.Count == 0)
        {
            return "--url needs at least one address, e.g. http://127.0.0.1:5001.";
        }

        changed = options with { Urls = urls.Distinct().ToList() };
        return null;
    }

    private static string? ReadStorage(LoadOptions options, string value, out LoadOptions changed)
    {
        changed = options;
        Storage? storage = value switch
        {
            "memory" => Storage.Memory,
            "postgres" or "postgresql" => Storage.PostgreSql,
            _ => null,
        };
        if (storage is not { } chosen)
        {
            return $"--storage takes 'memory' or 'postgres'; got '{value}'.";
        }

        changed = options with { Storage = chosen };
        return null;
    }

    private static string? ReadRate(LoadOptions options, string value, out LoadOptions changed)
    {
        changed = options;
        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var rate) || !(rate > 0) || rate > LoadOptions.MaxRate)
        {
            return $"--rate needs contacts per second above 0 and at most {LoadOptions.MaxRate:0}; got '{value}'.";
        }

        changed = options with { Rate = rate };
        return null;
    }

    private static string? ReadMaxRequests(LoadOptions options, string value, out LoadOptions changed)
    {
        changed = options;
        if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < 1 || count > LoadOptions.MaxRequestsLimit)
        {
            return $"--max-requests needs a whole number from 1 to {LoadOptions.MaxRequestsLimit}; got '{value}'.";
        }

        changed = options with { MaxRequests = count };
        return null;
    }

    private static string? ReadPatience(LoadOptions options, string value, out LoadOptions changed)
    {
        changed = options;
        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || !(seconds >= 0) || seconds > LoadOptions.MaxPatience.TotalSeconds)
        {
            return $"--patience needs seconds from 0 (never give up) to {LoadOptions.MaxPatience.TotalSeconds:0}; got '{value}'.";
        }

        changed = options with { Patience = TimeSpan.FromSeconds(seconds) };
        return null;
    }

    private static string? ReadReport(LoadOptions options, string value, out LoadOptions changed)
    {
        changed = options;
        if (value.Length is 0 or > 100 || !value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.') || value.StartsWith('.'))
        {
            return $"--report needs a file name of letters, digits, '-', '_' and '.', not starting with '.'; got '{value}'.";
        }

        changed = options with { Report = value };
        return null;
    }

    private static string? ReadReportDirectory(LoadOptions options, string value, out LoadOptions changed)
    {
        changed = options with { ReportDirectory = Path.GetFullPath(value) };
        return null;
    }

    private static string? Whole(string name, string value, int min, int max, LoadOptions options, Func<int, LoadOptions> change, out LoadOptions changed)
    {
        changed = options;
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < min || number > max)
        {
            return $"{name} needs a whole number from {min} to {max}; got '{value}'.";
        }

        changed = change(number);
        return null;
    }

    private static string? Seconds(string name, string value, double above, double max, LoadOptions options, Func<TimeSpan, LoadOptions> change, out LoadOptions changed)
    {
        changed = options;
        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || !(seconds > above) || seconds > max)
        {
            return $"{name} needs a number of seconds above {above} and at most {max:0}; got '{value}'.";
        }

        changed = change(TimeSpan.FromSeconds(seconds));
        return null;
    }
}
