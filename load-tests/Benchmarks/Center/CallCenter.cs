using Helpdesk.Grains.Common;
using Helpdesk.Grains.Customers;
using Helpdesk.Grains.Departments;
using Helpdesk.Grains.Karma;
using Helpdesk.Grains.Operators;
using Helpdesk.Grains.Routing;

namespace Helpdesk.Benchmarks.Center;

/// <summary>The contact center the routing and contacts suites run: 50 departments of 40 operators, and 10,000 customers.</summary>
/// <remarks>
/// Each department has 20 first-line operators, 14 specialists and 6 seniors, each holding two of four skills at
/// proficiencies from 1 to 5 and room for 3 chats, with no wrap-up; departments take the four routing strategies in
/// turn. Of the customers, 15 % are rated literate and calm, 10 % difficult and 5 % literate and difficult, each by
/// two ratings of a senior; the rest are new.
/// </remarks>
internal static class CallCenter
{
    public const int Departments = 50;
    public const int OperatorsPerDepartment = 40;
    public const int Operators = Departments * OperatorsPerDepartment;
    public const int ChatCapacity = 3;
    public const int ChatSlots = Operators * ChatCapacity;
    public const int Customers = 10_000;

    private const int FirstLine = 20;
    private const int Specialists = 14;
    private const int RatingsPerCustomer = 2;
    private const int SeedingParallelism = 32;

    private static readonly RoutingStrategy[] Strategies = [RoutingStrategy.LongestIdle, RoutingStrategy.LeastLoaded, RoutingStrategy.RoundRobin, RoutingStrategy.BestScore];
    private static readonly TimeSpan MembersLimit = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan MembersRecheck = TimeSpan.FromMilliseconds(20);

    public static IReadOnlyList<string> Skills { get; } = ["billing", "network", "devices", "accounts"];

    public static IEnumerable<(int Department, int Seat)> Seats =>
        Enumerable.Range(0, Departments).SelectMany(department => Enumerable.Range(0, OperatorsPerDepartment).Select(seat => (department, seat)));

    /// <summary>The center in one sentence, for the report.</summary>
    public static string Description =>
        $"{Operators:N0} operators in {Departments} departments of {OperatorsPerDepartment} ({FirstLine} L1, {Specialists} L2, {OperatorsPerDepartment - FirstLine - Specialists} L3; two of {Skills.Count} skills each at proficiency 1–5; "
        + $"capacity {ChatCapacity} chats, no wrap-up; the departments take the 4 routing strategies in turn), {Customers:N0} customers (15 % rated literate and calm, 10 % difficult, 5 % literate and difficult, 70 % new)";

    public static string DepartmentId(int department) => $"dept-{department:00}";

    public static string OperatorId(int department, int seat) => $"op-{department:00}-{seat:00}";

    public static string CustomerId(int customer) => $"cust-{customer:00000}";

    public static DepartmentSettings SettingsOf(int department) =>
        new(
            $"Department {department}",
            Strategies[department % Strategies.Length],
            TimeSpan.FromSeconds(20),
            [new EscalationStep(TimeSpan.FromSeconds(30), EscalationAction.NextLine), new EscalationStep(TimeSpan.FromSeconds(60), EscalationAction.RelaxSkill)]);

    public static OperatorProfile ProfileOf(int department, int seat) =>
        new(
            $"Operator {department}-{seat}",
            seat < FirstLine ? Line.L1 : seat < FirstLine + Specialists ? Line.L2 : Line.L3,
            new Dictionary<string, int>(StringComparer.Ordinal)
            {
                [Skills[seat % Skills.Count]] = 1 + (((seat * 7) + department) % 5),
                [Skills[(seat + 1) % Skills.Count]] = 1 + (((seat * 3) + (department * 2)) % 5),
            },
            [DepartmentId(department)],
            new Dictionary<Channel, int> { [Channel.Chat] = ChatCapacity },
            TimeSpan.Zero);

    public static CustomerKind KindOf(int customer) => (customer % 20) switch
    {
        < 3 => CustomerKind.LiterateCalm,
        < 5 => CustomerKind.Difficult,
        5 => CustomerKind.LiterateDifficult,
        _ => CustomerKind.New,
    };

    /// <summary>The ratings a customer of <paramref name="customer"/>'s kind is seeded with, given at <paramref name="at"/>.</summary>
    public static IReadOnlyList<Rating> RatingsOf(int customer, DateTimeOffset at)
    {
        (int Literacy, int Temperament)? scores = KindOf(customer) switch
        {
            CustomerKind.LiterateCalm => (5, 5),
            CustomerKind.Difficult => (3, 1),
            CustomerKind.LiterateDifficult => (5, 1),
            _ => null,
        };
        return scores is { } rated
            ? [.. Enumerable.Range(0, RatingsPerCustomer).Select(i => new Rating("seed-senior", $"seed-{i}", Line.L3, 1, rated.Literacy, rated.Temperament, at))]
            : [];
    }

    /// <summary>Creates the departments, the operators (available) and the rated customers, and waits until every department sees its members free.</summary>
    public static async Task SeedAsync(IGrainFactory grains, CancellationToken cancellationToken)
    {
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = SeedingParallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, Departments), parallel, async (department, _) =>
            Expect(await grains.GetGrain<IDepartmentGrain>(DepartmentId(department)).CreateAsync(SettingsOf(department)), $"create department {DepartmentId(department)}"));
        await Parallel.ForEachAsync(Seats, parallel, async (seat, _) =>
        {
            var id = OperatorId(seat.Department, seat.Seat);
            var desk = grains.GetGrain<IOperatorGrain>(id);
            Expect(await desk.CreateAsync(ProfileOf(seat.Department, seat.Seat)), $"create operator {id}");
            Expect(await desk.SetPresenceAsync(Presence.Available), $"make operator {id} available");
        });
        var now = TimeProvider.System.GetUtcNow();
        await Parallel.ForEachAsync(Enumerable.Range(0, Customers).Where(customer => KindOf(customer) != CustomerKind.New), parallel, async (customer, _) =>
        {
            foreach (var rating in RatingsOf(customer, now))
            {
                await grains.GetGrain<ICustomerGrain>(CustomerId(customer)).RateAsync(rating);
            }
        });
        await WaitForMembersAsync(grains, cancellationToken);
    }

    /// <summary>How many contacts wait in the departments' queues now.</summary>
    public static async Task<int> WaitingAsync(IGrainFactory grains)
    {
        var departments = await Task.WhenAll(Enumerable.Range(0, Departments).Select(department => grains.GetGrain<IDepartmentGrain>(DepartmentId(department)).GetAsync()));
        return departments.Sum(reply => reply.Value?.Load.QueueLength ?? 0);
    }

    /// <summary>Operators tell their departments one way; routing is only measured once every department has heard from all of its members.</summary>
    private static async Task WaitForMembersAsync(IGrainFactory grains, CancellationToken cancellationToken)
    {
        var startedAt = TimeProvider.System.GetTimestamp();
        while (true)
        {
            var departments = await Task.WhenAll(Enumerable.Range(0, Departments).Select(department => grains.GetGrain<IDepartmentGrain>(DepartmentId(department)).GetAsync()));
            var behind = departments.Where(reply => reply.Value?.Load.AvailableOperators != OperatorsPerDepartment).ToList();
            if (behind.Count == 0)
            {
                return;
            }

            if (TimeProvider.System.GetElapsedTime(startedAt) > MembersLimit)
            {
                throw new BenchmarkException($"{behind.Count} departments did not see their {OperatorsPerDepartment} operators available within {MembersLimit.TotalSeconds:F0} s of seeding (e.g. {behind[0].Value?.Id ?? behind[0].Error}: {behind[0].Value?.Load.AvailableOperators} available); operators' views do not reach their departments.");
            }

            await Task.Delay(MembersRecheck, cancellationToken);
        }
    }

    private static void Expect<T>(Reply<T> reply, string what)
    {
        if (reply.Status != ReplyStatus.Ok)
        {
            throw new BenchmarkException($"Seeding could not {what}: {reply.Status}, {reply.Error}. The grains refuse the seeded center; check CallCenter against the current domain rules.");
        }
    }
}
