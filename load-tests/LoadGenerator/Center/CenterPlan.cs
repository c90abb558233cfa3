using System.Globalization;
using Helpdesk.LoadGenerator.Options;

namespace Helpdesk.LoadGenerator.Center;

/// <summary>The contact center a run creates, drawn from the seed: departments, operators and their lines, customers and their kinds, and the arrival stream.</summary>
/// <remarks>Every id starts with the run's id, so runs against the same cluster never meet each other's departments, operators or keys.</remarks>
internal sealed class CenterPlan
{
    private static readonly string[] Strategies = ["longest_idle", "least_loaded", "round_robin", "best_score"];
    private static readonly (string Channel, double Share)[] Channels = [("phone", 0.5), ("chat", 0.3), ("email", 0.15), ("web", 0.05)];
    private static readonly string[] Categories = ["billing", "outage", "setup", "account", "hardware"];
    private static readonly string[] DepartmentNames = ["Billing", "Broadband", "Mobile", "Television", "Accounts", "Devices", "Business", "Moves", "Outages", "Sales"];
    private static readonly string[] FirstNames = ["Ann", "Ben", "Cara", "Dev", "Eva", "Farid", "Gita", "Hugo", "Ines", "Jon", "Kira", "Luis", "Mona", "Nils", "Olga", "Pia", "Quinn", "Ravi", "Sofia", "Tom"];
    private static readonly string[] Surnames = ["Lee", "Okafor", "Novak", "Silva", "Kim", "Moreau", "Haas", "Ito", "Costa", "Berg", "Patel", "Ruiz", "Olsen", "Diaz", "Weber"];

    private readonly LoadOptions _options;
    private readonly CustomerKind[] _kinds;

    public CenterPlan(LoadOptions options, string runId)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        RunId = runId;
        Sla = SlaPlan.For(options.HandleTime);
        Departments = [.. Enumerable.Range(0, options.Departments).Select(d => new DepartmentPlan($"{runId}-d{d + 1}", Numbered(DepartmentNames, d), Strategies[d % Strategies.Length]))];
        Operators = [.. Enumerable.Range(0, options.Operators).Select(i =>
        {
            var department = i % options.Departments;
            var place = i / options.Departments;
            var name = $"{FirstNames[i % FirstNames.Length]} {Surnames[i / FirstNames.Length % Surnames.Length]}";
            return new OperatorPlan($"{runId}-op{i + 1:D4}", i < FirstNames.Length * Surnames.Length ? name : $"{name} {(i / (FirstNames.Length * Surnames.Length)) + 1}", LineOf(place), Departments[department].Id, unchecked((options.Seed * 7919) + i));
        })];
        var kinds = new Random(options.Seed);
        _kinds = [.. Enumerable.Range(0, options.Customers).Select(_ => kinds.NextDouble() switch
        {
            < 0.2 => CustomerKind.Literate,
            < 0.3 => CustomerKind.Difficult,
            < 0.5 => CustomerKind.Calm,
            _ => CustomerKind.Ordinary,
        })];
    }

    /// <summary>A short id unique to this run, e.g. <c>lg-153012-4f2a</c>.</summary>
    public string RunId { get; }

    public IReadOnlyList<DepartmentPlan> Departments { get; }

    /// <summary>The SLA thresholds of every department.</summary>
    public SlaPlan Sla { get; }

    public IReadOnlyList<OperatorPlan> Operators { get; }

    /// <summary>The name at <paramref name="index"/>, numbered from the second round of the list on: <c>Billing</c>, …, <c>Billing 2</c>.</summary>
    private static string Numbered(string[] names, int index) =>
        index < names.Length ? names[index] : $"{names[index % names.Length]} {(index / names.Length) + 1}";

    /// <summary>A new run id: the time of day and four random hex digits.</summary>
    public static string NewRunId(DateTimeOffset now) =>
        $"lg-{now:HHmmss}-{Random.Shared.Next(0x10000):x4}";

    public string CustomerId(int customer) => $"{RunId}-cu{customer + 1:D6}";

    /// <summary>How <paramref name="customerId"/>'s operators rate them, literacy and temperament, 1–5; ordinary for a customer not of the plan.</summary>
    public (int Literacy, int Temperament) RatingOf(string customerId)
    {
        var prefix = $"{RunId}-cu";
        var kind = customerId.StartsWith(prefix, StringComparison.Ordinal)
            && int.TryParse(customerId.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            && number >= 1 && number <= _kinds.Length
                ? _kinds[number - 1]
                : CustomerKind.Ordinary;
        return kind switch
        {
            CustomerKind.Literate => (5, 3),
            CustomerKind.Difficult => (3, 1),
            CustomerKind.Calm => (3, 5),
            _ => (3, 3),
        };
    }

    /// <summary>The arrival stream: Poisson arrivals at the run's rate, each from a customer, on a channel, to a department, drawn from the seed.</summary>
    public IEnumerable<Arrival> Arrivals()
    {
        var random = new Random(unchecked(_options.Seed + 1));
        var due = TimeSpan.Zero;
        for (var i = 0; ; i++)
        {
            yield return new Arrival(
                i,
                due,
                $"{RunId}-contact-{i}",
                CustomerId(random.Next(_options.Customers)),
                ChannelOf(random.NextDouble()),
                Departments[random.Next(Departments.Count)].Id,
                random.NextDouble() switch { < 0.1 => 5, < 0.25 => 4, < 0.75 => 3, < 0.9 => 2, _ => 1 },
                Categories[random.Next(Categories.Length)]);

            // Exponential gaps: a Poisson stream, bursty the way real arrivals are.
            due += TimeSpan.FromSeconds(-Math.Log(1 - random.NextDouble()) / _options.Rate);
        }
    }

    /// <summary>An operator's line from their place in their department: one in five a specialist (l2), one in ten an expert (l3), the rest the first line, so a department of two or more has a specialist.</summary>
    private static string LineOf(int place) => (place % 10) switch
    {
        1 or 6 => "l2",
        3 => "l3",
        _ => "l1",
    };

    private static string ChannelOf(double roll)
    {
        foreach (var (channel, share) in Channels)
        {
            if (roll < share)
            {
                return channel;
            }

            roll -= share;
        }

        return Channels[0].Channel;
    }
}
