using Helpdesk.LoadGenerator.Contracts;
using Helpdesk.LoadGenerator.Http;

namespace Helpdesk.LoadGenerator.Accounting;

/// <summary>Reads back every contact the run sent and checks the invariant: none lost, none assigned twice, every acknowledged move kept.</summary>
internal static class FinalCheck
{
    private const int InFlight = 16;
    private static readonly TimeSpan RetryFor = TimeSpan.FromSeconds(10);

    public static async Task<AccountingResult> RunAsync(ApiClient api, ContactLedger ledger, HoldLog holds, IReadOnlyList<string> duplicateOffers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(holds);
        var records = ledger.All;
        var classes = new ContactClass[records.Count];
        var missing = new List<string>();
        var unverified = new List<string>();
        var doubles = new List<string>(holds.DoubleAssignments);
        var lost = new List<string>();
        var gate = new Lock();
        await Parallel.ForAsync(0, records.Count, new ParallelOptions { MaxDegreeOfParallelism = InFlight, CancellationToken = cancellationToken }, async (i, token) =>
        {
            var record = records[i];
            var id = record.ReceiptId ?? record.Id;
            var answer = await api.SendAsync(new ApiRequest(Endpoints.FinalCheck, HttpMethod.Get, $"/api/contacts/{id}", RetryFor: RetryFor), token);
            var contact = answer.Status == 200 ? answer.Read<ContactView>() : null;
            var contactClass = ContactClassifier.Classify(record.Creation, answer.Status, contact);
            classes[i] = contactClass;
            var second = contact is null ? null : ContactClassifier.SecondHolder(contact);
            var dropped = contact is null ? null : ContactClassifier.LostAcknowledgement(record.Stage, record.AcceptedBy, contact);
            lock (gate)
            {
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
                }

                if (dropped is not null)
                {
                    lost.Add(dropped);
                }
            }
        });

        return new AccountingResult(
            records.Count,
            records.Count(record => record.Creation == Creation.Acknowledged),
            classes.GroupBy(contactClass => contactClass).ToDictionary(group => group.Key, group => group.Count()),
            missing,
            unverified,
            doubles,
            duplicateOffers,
            lost);
    }
}
