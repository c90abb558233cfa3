using Helpdesk.LoadGenerator.Accounting;
using Helpdesk.LoadGenerator.Contracts;
using Helpdesk.LoadGenerator.Http;

namespace Helpdesk.LoadGenerator.Center;

/// <summary>The customers' side: they confirm a proposed solution, which closes the ticket, and give up a contact no operator accepted within their patience.</summary>
internal sealed class Customers(ApiClient api, ContactLedger ledger, TimeSpan patience, CancellationToken stop)
{
    private static readonly string[] ConfirmedStatuses = [Statuses.Confirmed];
    private static readonly string[] AbandonedStatuses = [Statuses.Abandoned];

    private long _confirmed;
    private long _abandoned;

    public long Confirmed => Interlocked.Read(ref _confirmed);

    public long Abandoned => Interlocked.Read(ref _abandoned);

    /// <summary>The customer confirms the solution proposed for <paramref name="contactId"/>.</summary>
    /// <param name="contactId">The contact.</param>
    /// <param name="customerId">Its customer, who alone may close it.</param>
    /// <param name="record">The run's record of it, or <see langword="null"/> for a task of the center's own.</param>
    public async Task ConfirmAsync(string contactId, string customerId, ContactRecord? record)
    {
        var answer = await api.SendAsync(
            new ApiRequest(Endpoints.Confirm, HttpMethod.Post, $"/api/contacts/{contactId}/status", new { status = Statuses.Confirmed, customerId, note = "that solved it" }),
            stop);
        if (answer.IsSuccess || (answer.IsConflict && answer.FailedBefore && await ContactReads.ShowsAsync(api, contactId, ConfirmedStatuses, stop)))
        {
            Interlocked.Increment(ref _confirmed);
            Settle(record, ClientStage.Confirmed);
            return;
        }

        ledger.Note($"customer {customerId} could not confirm {contactId}: {answer.Describe()}", contactId);
    }

    /// <summary>The customer of a contact just created starts waiting: past their patience, unless an operator accepted it, they give up.</summary>
    public void Waiting(ContactRecord record)
    {
        if (patience > TimeSpan.Zero)
        {
            _ = GiveUpLaterAsync(record);
        }
    }

    private async Task GiveUpLaterAsync(ContactRecord record)
    {
        try
        {
            await Task.Delay(patience, stop);
            if (record.Stage != ClientStage.Sent)
            {
                return;
            }

            var answer = await api.SendAsync(
                new ApiRequest(Endpoints.Abandon, HttpMethod.Post, $"/api/contacts/{record.Id}/status", new { status = Statuses.Abandoned, customerId = record.CustomerId, note = "waited too long" }),
                stop);

            // A 409 is the race an impatient customer loses: an operator accepted it meanwhile.
            if (answer.IsSuccess || (answer.IsConflict && answer.FailedBefore && await ContactReads.ShowsAsync(api, record.Id, AbandonedStatuses, stop)))
            {
                Interlocked.Increment(ref _abandoned);
                Settle(record, ClientStage.Abandoned);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The run is over; the final check finds the contact where it is.
        }
    }

    private void Settle(ContactRecord? record, ClientStage stage)
    {
        if (record is not null)
        {
            record.Advance(stage);
            ledger.Changed(record);
        }
    }
}
