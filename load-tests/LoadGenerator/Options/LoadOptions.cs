namespace Helpdesk.LoadGenerator.Options;

/// <summary>One run's settings, from the command line; <see cref="LoadOptionsParser"/> reads and checks them.</summary>
/// <param name="Urls">Silos of a running cluster to drive; empty when the generator starts its own.</param>
/// <param name="Silos">How many silos to start (default 1), when <paramref name="Urls"/> is empty.</param>
/// <param name="Storage">Where started silos keep state: memory for one silo, PostgreSQL for more (the default for more).</param>
/// <param name="Fault">What goes wrong mid-run, to the last started silo or to PostgreSQL; the failover it costs is measured.</param>
/// <param name="FaultAt">When it goes wrong, from the start of the arrivals; half the duration when absent.</param>
/// <param name="Rate">New contacts per second (default 20).</param>
/// <param name="Duration">How long contacts arrive (default 30 s, at most <see cref="MaxDuration"/>).</param>
/// <param name="MaxRequests">Arrivals stop once this many requests were sent (default 500,000).</param>
/// <param name="Departments">Departments created (default 4).</param>
/// <param name="Operators">Operators created, spread over the departments, each with a desktop on its event stream (default 40).</param>
/// <param name="Customers">Customers contacts come from (default 1,000).</param>
/// <param name="HandleTime">Mean time an operator holds a contact before proposing a solution (default 2 s; each draw is ±50 %).</param>
/// <param name="Patience">A customer gives up a contact no operator accepted within this (default 30 s); zero never.</param>
/// <param name="Seed">Seeds the center's plan, the arrivals and the handle times (default 1).</param>
/// <param name="Report">The report's name: <c>reports/NAME.md</c> and <c>reports/NAME.svg</c> (default <c>http-run</c>).</param>
/// <param name="ReportDirectory">Where reports go; the project's <c>reports</c> folder when absent.</param>
/// <param name="Suite">Run the four standard scenarios (one silo in memory, one on PostgreSQL, three, three with a kill) into <c>reports/http.md</c>.</param>
internal sealed record LoadOptions(
    IReadOnlyList<Uri> Urls,
    int Silos,
    Storage Storage,
    Fault Fault,
    TimeSpan? FaultAt,
    double Rate,
    TimeSpan Duration,
    long MaxRequests,
    int Departments,
    int Operators,
    int Customers,
    TimeSpan HandleTime,
    TimeSpan Patience,
    int Seed,
    string Report,
    string? ReportDirectory,
    bool Suite)
{
    /// <summary>The hard limit of <see cref="Duration"/>: a run always ends by itself.</summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromMinutes(10);

    public const int MaxSilos = 5;
    public const double MaxRate = 2_000;
    public const long MaxRequestsLimit = 10_000_000;
    public const int MaxDepartments = 100;
    public const int MaxOperators = 2_000;
    public const int MaxCustomers = 1_000_000;

    public static readonly TimeSpan MaxHandleTime = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan MaxPatience = TimeSpan.FromHours(1);

    /// <summary>The defaults: one in-memory silo started here, 20 contacts/s for 30 s.</summary>
    public static LoadOptions Default { get; } = new(
        [], 1, Storage.Memory, Fault.None, null, 20, TimeSpan.FromSeconds(30), 500_000, 4, 40, 1_000,
        TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(30), 1, "http-run", null, false);

    /// <summary>The admin key that drives a running cluster (<c>--api-key</c>, or <c>HELPDESK_API_KEY</c>); silos started here get a key of the run's own.</summary>
    public string? ApiKey { get; init; }

    /// <summary>Where to write photographs of the wallboard, taken when four fifths of the arrivals are in (<c>--screenshots</c>); none when absent.</summary>
    public string? Screenshots { get; init; }

    /// <summary>Whether the generator starts the silos itself.</summary>
    public bool StartsSilos => Urls.Count == 0;

    /// <summary>When the fault comes, from the first arrival.</summary>
    public TimeSpan FaultTime => FaultAt ?? Duration / 2;

    /// <summary>
    /// How long the run may wait at the end for the contacts in hand to be closed; after a fault, 20 s more: a reservation
    /// whose contact went elsewhere keeps its operator until the offer lapses (the silos' default offer timeout).
    /// </summary>
    public TimeSpan DrainLimit => TimeSpan.FromSeconds(Math.Min(60, 10 + (3 * HandleTime.TotalSeconds) + (Fault == Fault.None ? 0 : 20)));

    /// <summary>A hard limit for the whole run, set-up and checks included, so a hang ends instead of running forever.</summary>
    public TimeSpan TimeLimit => TimeSpan.FromMinutes(5) + Duration + DrainLimit;

    private string FaultWords => Fault switch
    {
        Fault.Kill => ", one killed",
        Fault.Pause => ", one paused",
        Fault.Stop => ", one stopped",
        Fault.RestartDatabase => ", PostgreSQL restarted",
        _ => "",
    };

    /// <summary>What the run is, in a few words: "3 silos, PostgreSQL, one killed", or the URLs driven.</summary>
    public string Describe() => StartsSilos
        ? $"{Silos} silo{(Silos == 1 ? "" : "s")}, {(Storage == Storage.Memory ? "in memory" : "PostgreSQL")}{FaultWords}"
        : $"running cluster at {string.Join(", ", Urls.Select(url => url.GetLeftPart(UriPartial.Authority)))}";
}
