using Helpdesk.LoadGenerator.Center;
using Helpdesk.LoadGenerator.Contracts;
using Helpdesk.LoadGenerator.Http;

namespace Helpdesk.LoadGenerator.Accounting;

/// <summary>Reads back every contact the run sent and every operator it created, and checks the invariant: none lost, none held by two operators at once, every acknowledged move kept; and that every SLA threshold a contact's history crossed was recorded, once.</summary>
/// <remarks>
/// A hold that does not add up is read again before it counts: an offer may lapse, or a queued contact be offered,
/// between reading an operator and reading the contact. An unanswered offer is read again after it has lapsed: a
/// failure can leave one behind for its contact to go elsewhere, and its expiry is what lets the operator go. So is a
/// contact with an SLA threshold recorded that its history did not cross: when a run ends unsettled, contacts move on,
/// and cross thresholds, between their reading and the reading of the violations.
/// </remarks>
internal static class FinalCheck
{
    private const int InFlight = 16;
    private const int HistoriesShown = 12;
    private static readonly TimeSpan RetryFor = TimeSpan.FromSeconds(10);

    /// <summary>How long after an offer's expiry the operator has to let it go.</summary>
    private static readonly TimeSpan LapseGrace = TimeSpan.FromSeconds(2);

    /// <summary>The longest the check waits for offers to lapse: a little over the silos' default offer timeout, 20 s.</summary>
    private static readonly TimeSpan LapseLimit = TimeSpan.FromSeconds(25);

    public static async Task<AccountingResult> RunAsync(ApiClient api, ContactLedger ledger, HoldLog holds, CenterPlan plan, DateTimeOffset startedAt, IReadOnlyList<string> reannounced, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(holds);
        var records = ledger.All;
        var classes = new ContactClass[records.Count];
        var views = new Dictionary<string, ContactView>(StringComparer.Ordinal);
        var missing = new List<string>();
        var unverified = new List<string>();
        var doubles = new List<string>(holds.DoubleAssignments);
        var lost = new List<string>();
        var gate = new Lock();
        await Parallel.ForAsync(0, records.Count, Options(cancellationToken), async (i, token) =>
        {
            var record = records[i];
            var id = record.ReceiptId ?? record.Id;
            var answer = await ReadAsync(api, $"/api/contacts/{id}", token);
            var contact = answer.Status == 200 ? answer.Read<ContactView>() : null;
            var contactClass = ContactClassifier.Classify(record.Creation, answer.Status, contact);
            classes[i] = contactClass;
            var second = contact is null ? null : ContactClassifier.SecondHolder(contact);
            var dropped = contact is null ? null : ContactClassifier.LostAcknowledgement(record.Stage, record.AcceptedBy, contact);
            lock (gate)
            {
                if (contact is not null)
                {
                    views[id] = contact;
                }

                switch (contactClass)
                {
                    case ContactClass.Missing:
                        missing.Add(id);
                        break;
                    case ContactClass.Unverified when record.Creation == Creation.Acknowledged || record.Stage != ClientStage.Sent:
                        unverified.Add($"{id} ({answer.Describe()})");
                        break;
                }

                if (second is not null && !doubles.Any(text => text.StartsWith(id, StringComparison.Ordinal)))
                {
                    doubles.Add(second);
                    ledger.Suspect(id);
                }

                if (dropped is not null)
                {
                    lost.Add(dropped);
                    ledger.Suspect(id);
                }
            }
        });

        var (shared, stale) = await CheckHoldsAsync(api, [.. plan.Operators.Select(operatorPlan => operatorPlan.Id)], views, ledger, cancellationToken);
        doubles.AddRange(shared);
        var nobody = views.Values.Where(HoldCheck.HeldByNobody).Select(contact => $"{contact.Id} is {contact.Status.Replace('_', ' ')} with no operator").ToList();
        foreach (var contact in views.Values.Where(HoldCheck.HeldByNobody))
        {
            ledger.Suspect(contact.Id);
        }

        var twice = views.Values.Where(ContactClassifier.HandledTwice).Select(contact => $"{contact.Id} went in progress twice ({string.Join(", ", contact.History.Where(change => change.Status == Statuses.InProgress).Select(change => change.By))})").ToList();
        foreach (var contact in views.Values.Where(ContactClassifier.HandledTwice))
        {
            ledger.Suspect(contact.Id);
        }

        var (slaCrossed, sla) = await CheckSlaAsync(api, plan, startedAt, views, ledger, cancellationToken);
        var histories = await HistoriesAsync(api, ledger, views, cancellationToken);
        return new AccountingResult(
            records.Count,
            records.Count(record => record.Creation == Creation.Acknowledged),
            classes.GroupBy(contactClass => contactClass).ToDictionary(group => group.Key, group => group.Count()),
            missing,
            unverified,
            doubles,
            lost,
            reannounced,
            stale,
            nobody,
            twice,
            slaCrossed,
            sla,
            histories);
    }

    /// <summary>The thresholds the contacts' histories crossed against the violations their departments recorded: none missing, none recorded that was not crossed.</summary>
    private static async Task<(List<DateTimeOffset> DueTimes, List<string> Findings)> CheckSlaAsync(ApiClient api, CenterPlan plan, DateTimeOffset startedAt, Dictionary<string, ContactView> views, ContactLedger ledger, CancellationToken cancellationToken)
    {
        var from = DateOnly.FromDateTime(startedAt.UtcDateTime);
        var to = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1);
        var recorded = new HashSet<string>(StringComparer.Ordinal);
        foreach (var department in plan.Departments)
        {
            var answer = await ReadAsync(api, $"/api/violations?department={department.Id}&from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}", cancellationToken);
            if (!answer.IsSuccess)
            {
                return ([], [$"the violations of {department.Id} could not be read ({answer.Describe()})"]);
            }

            recorded.UnionWith(answer.Read<List<ViolationView>>().Where(violation => views.ContainsKey(violation.ContactId)).Select(violation => violation.Id));
        }

        var due = views.Values.SelectMany(plan.Sla.Crossed).ToList();
        var crossed = due.Select(threshold => threshold.Id).ToHashSet(StringComparer.Ordinal);
        var findings = new List<string>();
        foreach (var id in crossed.Where(id => !recorded.Contains(id)).Order(StringComparer.Ordinal))
        {
            findings.Add($"{id} was crossed (contact:status entry:degree) but never recorded");
            ledger.Suspect(ContactOf(id));
        }

        var explained = views.Values.SelectMany(plan.Sla.Open).ToHashSet(StringComparer.Ordinal);
        var unexplained = recorded.Where(id => !crossed.Contains(id) && !explained.Contains(id)).ToList();
        foreach (var contactId in unexplained.Select(ContactOf).Distinct(StringComparer.Ordinal))
        {
            // A contact still moving may have crossed it after it was read: its history now tells.
            var answer = await ReadAsync(api, $"/api/contacts/{contactId}", cancellationToken);
            if (answer.Status == 200 && answer.Read<ContactView>() is { } again)
            {
                explained.UnionWith(plan.Sla.Crossed(again).Select(threshold => threshold.Id).Concat(plan.Sla.Open(again)));
            }
        }

        foreach (var id in unexplained.Where(id => !explained.Contains(id)).Order(StringComparer.Ordinal))
        {
            findings.Add($"{id} was recorded but the contact's history never crossed it");
            ledger.Suspect(ContactOf(id));
        }

        return ([.. due.Select(threshold => threshold.DueAt)], findings);
    }

    /// <summary>The contact of a threshold's id, contact:status entry:degree.</summary>
    private static string ContactOf(string thresholdId) => thresholdId[..thresholdId.IndexOf(':', StringComparison.Ordinal)];

    /// <summary>Every operator's holds against the contacts': shared holds, and holds the contact does not name, each read twice.</summary>
    private static async Task<(List<string> Shared, List<string> Stale)> CheckHoldsAsync(ApiClient api, IReadOnlyList<string> operatorIds, Dictionary<string, ContactView> views, ContactLedger ledger, CancellationToken cancellationToken)
    {
        var operators = await ReadOperatorsAsync(api, operatorIds, cancellationToken);
        var shared = new List<string>();
        foreach (var (contactId, holders) in HoldCheck.SharedHolds(operators))
        {
            var again = await ReadOperatorsAsync(api, holders, cancellationToken);
            if (HoldCheck.SharedHolds(again).Any(pair => pair.ContactId == contactId))
            {
                shared.Add($"{contactId} is held by {string.Join(" and ", holders)} at once");
                ledger.Suspect(contactId);
            }
        }

        var suspects = operators
            .SelectMany(view => view.Contacts.Select(held => (OperatorId: view.Id, Held: held)))
            .Where(hold => !(views.TryGetValue(hold.Held.Offer.ContactId, out var contact) && HoldCheck.Agrees(contact, hold.OperatorId)))
            .ToList();

        // An offer left unanswered lapses at its expiry and the operator lets it go: a reservation whose contact went
        // elsewhere (its note to the contact lost to a failure) costs the operator's capacity until then, not for good.
        if (suspects.Where(hold => !hold.Held.Accepted).Select(hold => (DateTimeOffset?)hold.Held.Offer.ExpiresAt).Max() is { } lapse)
        {
            var wait = lapse + LapseGrace - DateTimeOffset.UtcNow;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait < LapseLimit ? wait : LapseLimit, cancellationToken);
            }
        }

        var stale = new List<string>();
        foreach (var (operatorId, held) in suspects)
        {
            // Read both again: an offer may have lapsed, or a contact been offered, between the two reads.
            var contactId = held.Offer.ContactId;
            var operatorAgain = (await ReadOperatorsAsync(api, [operatorId], cancellationToken)).SingleOrDefault();
            var contactAnswer = await ReadAsync(api, $"/api/contacts/{contactId}", cancellationToken);
            var contactAgain = contactAnswer.IsSuccess ? contactAnswer.Read<ContactView>() : null;
            if (operatorAgain?.Contacts.Any(again => again.Offer.ContactId == contactId) == true && (contactAgain is null || !HoldCheck.Agrees(contactAgain, operatorId)))
            {
                stale.Add($"{operatorId} holds {contactId} ({(held.Accepted ? "accepted" : $"offered, lapsing at {held.Offer.ExpiresAt:HH:mm:ss}")}) but the contact is {(contactAgain is null ? $"unreadable ({contactAnswer.Describe()})" : $"{contactAgain.Status.Replace('_', ' ')}{(contactAgain.OperatorId is { } other ? $" with {other}" : "")}")}");
                ledger.Suspect(contactId);
            }
        }

        return (shared, stale);
    }

    private static async Task<List<OperatorView>> ReadOperatorsAsync(ApiClient api, IReadOnlyList<string> operatorIds, CancellationToken cancellationToken)
    {
        var views = new List<OperatorView>();
        var gate = new Lock();
        await Parallel.ForEachAsync(operatorIds, Options(cancellationToken), async (operatorId, token) =>
        {
            var answer = await api.SendAsync(new ApiRequest(Endpoints.FinalOperators, HttpMethod.Get, $"/api/operators/{operatorId}", RetryFor: RetryFor), token);
            if (answer.IsSuccess)
            {
                var view = answer.Read<OperatorView>();
                lock (gate)
                {
                    views.Add(view);
                }
            }
        });
        return views;
    }

    /// <summary>The histories of the suspected contacts, read in the check or read now (a task of the center's own is not among the run's contacts).</summary>
    private static async Task<List<string>> HistoriesAsync(ApiClient api, ContactLedger ledger, Dictionary<string, ContactView> views, CancellationToken cancellationToken)
    {
        var histories = new List<string>();
        foreach (var id in ledger.Suspects.Take(HistoriesShown))
        {
            if (!views.TryGetValue(id, out var contact))
            {
                var answer = await ReadAsync(api, $"/api/contacts/{id}", cancellationToken);
                if (!answer.IsSuccess)
                {
                    continue;
                }

                contact = answer.Read<ContactView>();
            }

            histories.Add(History(contact, ledger.Find(id)));
        }

        return histories;
    }

    /// <summary>A contact's history, a line a status, with what the generator was acknowledged.</summary>
    private static string History(ContactView contact, ContactRecord? record)
    {
        var seen = record is null ? "a task of the center's own" : $"acknowledged to the generator: {record.Stage.ToString().ToLowerInvariant()}{(record.AcceptedBy is { } by ? $", accepted by {by}" : "")}";
        var lines = contact.History.Select(change => $"  {change.At:HH:mm:ss.fff} {change.Status} by {change.By}{(change.Note is { } note ? $" ({note})" : "")}");
        return $"{contact.Id}, now {contact.Status}{(contact.OperatorId is { } holder ? $" with {holder}" : "")}; {seen}:{Environment.NewLine}{string.Join(Environment.NewLine, lines)}";
    }

    private static Task<ApiAnswer> ReadAsync(ApiClient api, string path, CancellationToken cancellationToken) =>
        api.SendAsync(new ApiRequest(Endpoints.FinalCheck, HttpMethod.Get, path, RetryFor: RetryFor), cancellationToken);

    private static ParallelOptions Options(CancellationToken cancellationToken) => new() { MaxDegreeOfParallelism = InFlight, CancellationToken = cancellationToken };
}
