using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Helpdesk.Grains.Contacts;
using Helpdesk.Grains.Customers;
using Helpdesk.Grains.Departments;
using Helpdesk.Grains.Karma;
using Helpdesk.Grains.Operators;
using Helpdesk.Grains.Routing;

namespace Helpdesk.Api.Tests.EndToEnd;

/// <summary>
/// A contact center driven through the public API: departments and operators created over HTTP, operators' desktops
/// taking offers from their event streams, accepting and completing them, and a stream of contacts posted meanwhile.
/// It records what a real integration would see, and what the invariants need.
/// </summary>
internal sealed class ContactCenterScenario(HelpdeskServer server)
{
    public static readonly string[] Departments = ["billing", "internet", "tv"];

    public static readonly RoutingPolicy Policy = RoutingPolicy.Default with { DifficultyCap = 30, AffinityTimeout = TimeSpan.Zero };

    private static readonly (Line Line, int Count)[] Staffing = [(Line.L1, 6), (Line.L2, 3), (Line.L3, 1)];
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    private readonly ConcurrentDictionary<string, string> _acceptedBy = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<string> _doubleAssignments = [];
    private readonly ConcurrentBag<string> _idleWhileWaiting = [];
    private readonly ConcurrentBag<string> _refusedAccepts = [];
    private readonly ConcurrentDictionary<string, Line> _lines = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _allCompleted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _completed;
    private int _expected = int.MaxValue;

    public IReadOnlyDictionary<string, Line> OperatorLines => _lines;

    public IReadOnlyCollection<string> DoubleAssignments => _doubleAssignments;

    public IReadOnlyCollection<string> IdleWhileWaiting => _idleWhileWaiting;

    public IReadOnlyCollection<string> RefusedAccepts => _refusedAccepts;

    public Dictionary<string, CustomerKind> Customers { get; } = new(StringComparer.Ordinal);

    public List<(string Id, string Customer)> Contacts { get; } = [];

    public async Task CreateStaffAsync()
    {
        foreach (var department in Departments)
        {
            await server.PostOkAsync<DepartmentSnapshot>("/api/departments", new { id = department, name = department, strategy = "longest_idle" });
            foreach (var (line, count) in Staffing)
            {
                for (var i = 0; i < count; i++)
                {
                    var id = $"{department}-{line}-{i}".ToLowerInvariant();
                    _lines[id] = line;
                    await server.PostOkAsync<OperatorSnapshot>("/api/operators", new
                    {
                        id,
                        name = id,
                        line,
                        skills = new Dictionary<string, int> { [department] = 3 + (i % 3) },
                        departments = new[] { department },
                    });
                }
            }
        }
    }

    /// <summary>Gives customers karma as operators' ratings from earlier contacts would: literate, difficult, calm or unknown.</summary>
    public async Task SeedCustomersAsync(int count, int seed)
    {
        var random = new Random(seed);
        var now = DateTimeOffset.UtcNow;
        await Parallel.ForEachAsync(Enumerable.Range(0, count).Select(i => (Id: $"cust-{i:D4}", Roll: random.NextDouble())).ToList(), async (customer, _) =>
        {
            var kind = customer.Roll switch
            {
                < 0.2 => CustomerKind.Literate,
                < 0.3 => CustomerKind.Difficult,
                < 0.5 => CustomerKind.Calm,
                _ => CustomerKind.Unknown,
            };
            lock (Customers)
            {
                Customers[customer.Id] = kind;
            }

            var (literacy, temperament) = kind switch
            {
                CustomerKind.Literate => (5, 3),
                CustomerKind.Difficult => (2, 1),
                CustomerKind.Calm => (2, 5),
                _ => (0, 0),
            };
            for (var r = 0; literacy > 0 && r < 3; r++)
            {
                await server.Grains.GetGrain<ICustomerGrain>(customer.Id)
                    .RateAsync(new Rating($"veteran-{r}", $"history-{customer.Id}-{r}", Line.L3, 1, literacy, temperament, now));
            }
        });
    }

    /// <summary>Every operator goes available and their desktop starts taking offers from the event stream.</summary>
    public async Task<Task> StartDesktopsAsync(CancellationToken stop)
    {
        var connected = _lines.Keys.Select(id => (Id: id, Ready: new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously))).ToList();
        var desktops = connected.Select(desktop => Task.Run(() => RunDesktopAsync(desktop.Id, desktop.Ready, stop), CancellationToken.None)).ToList();
        await Task.WhenAll(connected.Select(desktop => desktop.Ready.Task)).WaitAsync(TimeSpan.FromSeconds(30), stop);
        foreach (var id in _lines.Keys)
        {
            await server.PutOkAsync<OperatorSnapshot>($"/api/operators/{id}/presence", new { presence = "available" });
        }

        return Task.WhenAll(desktops);
    }

    /// <summary>Posts <paramref name="count"/> contacts from random customers, a few at a time, each with an idempotency key.</summary>
    public async Task PostContactsAsync(int count, int seed)
    {
        var random = new Random(seed);
        var customers = Customers.Keys.Order(StringComparer.Ordinal).ToArray();
        Channel[] channels = [Channel.Phone, Channel.Phone, Channel.Chat, Channel.Chat, Channel.Email];
        var requests = Enumerable.Range(0, count)
            .Select(i => (Key: $"contact-{seed}-{i}", Body: new
            {
                customerId = customers[random.Next(customers.Length)],
                channel = channels[random.Next(channels.Length)],
                topic = $"question {i}",
                department = Departments[random.Next(Departments.Length)],
                priority = 1 + random.Next(5),
            }))
            .ToList();
        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (request, cancellation) =>
        {
            using var message = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/contacts", UriKind.Relative))
            {
                Content = JsonContent(request.Body),
                Headers = { { "Idempotency-Key", request.Key } },
            };
            using var response = await server.Client.SendAsync(message, cancellation);
            var receipt = await HelpdeskServer.ReadOkAsync<ContactReceipt>(response);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            lock (Contacts)
            {
                Contacts.Add((receipt.Id, request.Body.customerId));
            }
        });
    }

    /// <summary>Until <paramref name="stop"/>, checks every department's view: no member who could take a waiting contact is idle.</summary>
    public async Task WatchWorkConservationAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            foreach (var department in Departments)
            {
                var snapshot = await server.GetOkAsync<DepartmentSnapshot>($"/api/departments/{department}");
                foreach (var waiting in snapshot.Queue)
                {
                    var idle = snapshot.Members.FirstOrDefault(member =>
                        member.Line == waiting.Line
                        && member.Presence is Presence.Available or Presence.Busy
                        && member.FreeCapacity.GetValueOrDefault(waiting.Channel) > 0);
                    if (idle is not null)
                    {
                        var detail = await server.Client.GetStringAsync(new Uri($"/api/contacts/{waiting.ContactId}", UriKind.Relative), stop);
                        _idleWhileWaiting.Add(detail);
                        _idleWhileWaiting.Add($"{waiting.ContactId} ({waiting.Channel}, {waiting.Line}) waited in {department} while {idle.OperatorId} was free: {JsonSerializer.Serialize(idle, HelpdeskServer.Json)}; queue {string.Join(", ", snapshot.Queue.Take(5).Select(q => $"{q.ContactId} {q.Channel} {q.Line} {q.WaitedSeconds:0.0}s"))}");
                    }
                }
            }

            await Task.Yield();
        }
    }

    public async Task WaitUntilAllCompletedAsync(int expected)
    {
        Volatile.Write(ref _expected, expected);
        if (Volatile.Read(ref _completed) >= expected)
        {
            return;
        }

        try
        {
            await _allCompleted.Task.WaitAsync(Patience);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"Only {Volatile.Read(ref _completed)} of {expected} contacts were completed within {Patience}.");
        }
    }

    private async Task RunDesktopAsync(string operatorId, TaskCompletionSource ready, CancellationToken stop)
    {
        try
        {
            using var response = await server.Client.GetAsync(new Uri($"/api/operators/{operatorId}/events", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead, stop);
            response.EnsureSuccessStatusCode();
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(stop));
            ready.TrySetResult();
            var handling = new List<Task>();
            var handleTimes = new Random(operatorId.GetHashCode(StringComparison.Ordinal));
            string? type = null;
            string? data = null;
            while (await reader.ReadLineAsync(stop) is { } line)
            {
                if (line.StartsWith("event: ", StringComparison.Ordinal))
                {
                    type = line["event: ".Length..];
                }
                else if (line.StartsWith("data: ", StringComparison.Ordinal))
                {
                    data = line["data: ".Length..];
                }
                else if (line.Length == 0 && type == "offer" && data is not null)
                {
                    var offer = JsonSerializer.Deserialize<OperatorEvent>(data, HelpdeskServer.Json)!.Offer!;
                    handling.Add(HandleAsync(operatorId, offer.ContactId, TimeSpan.FromMilliseconds(handleTimes.Next(300, 700)), stop));
                    handling.RemoveAll(task => task.IsCompleted);
                    (type, data) = (null, null);
                }
                else if (line.Length == 0)
                {
                    (type, data) = (null, null);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        finally
        {
            ready.TrySetException(new InvalidOperationException($"The desktop of {operatorId} could not connect to its event stream."));
        }
    }

    /// <summary>Accepts the offer, talks for <paramref name="handleTime"/>, and completes the contact.</summary>
    private async Task HandleAsync(string operatorId, string contactId, TimeSpan handleTime, CancellationToken stop)
    {
        using var accepted = await server.PostAsync($"/api/contacts/{contactId}/accept", new { operatorId });
        if (!accepted.IsSuccessStatusCode)
        {
            _refusedAccepts.Add($"{operatorId} could not accept {contactId}: {(int)accepted.StatusCode} {await accepted.Content.ReadAsStringAsync(stop)}");
            return;
        }

        if (!_acceptedBy.TryAdd(contactId, operatorId))
        {
            _doubleAssignments.Add($"{contactId} accepted by {_acceptedBy[contactId]} and by {operatorId}");
        }

        await Task.Delay(handleTime, stop);
        using var completed = await server.PostAsync($"/api/contacts/{contactId}/status", new { status = "solution_proposed", operatorId });
        Assert.True(completed.IsSuccessStatusCode, $"{operatorId} could not complete {contactId}: {await completed.Content.ReadAsStringAsync(stop)}");
        if (Interlocked.Increment(ref _completed) >= Volatile.Read(ref _expected))
        {
            _allCompleted.TrySetResult();
        }
    }

    private static StringContent JsonContent(object body) =>
        new(JsonSerializer.Serialize(body, HelpdeskServer.Json), System.Text.Encoding.UTF8, "application/json");
}

/// <summary>What karma says of a seeded customer.</summary>
internal enum CustomerKind
{
    Unknown,
    Literate,
    Difficult,
    Calm,
}
