using System.Globalization;
using System.Text.Json;
using Helpdesk.LoadGenerator.Accounting;
using Helpdesk.LoadGenerator.Contracts;
using Helpdesk.LoadGenerator.Http;

namespace Helpdesk.LoadGenerator.Center;

/// <summary>One operator's desktop: it listens on the operator's event stream, accepts each offer, holds the contact for a handle time, proposes a solution and rates the customer.</summary>
/// <remarks>
/// When the stream breaks (its silo died or stopped) the desktop reconnects through another silo and resumes after
/// the last event id it saw, as a browser's EventSource would. An offer that lapsed makes the operator "not
/// responding"; the desktop sets them available again, as the operator would.
/// </remarks>
internal sealed class OperatorDesk(OperatorPlan plan, Desks desks)
{
    private static readonly string[] ProposedStatuses = [Statuses.SolutionProposed, Statuses.Confirmed];
    private static readonly TimeSpan MaxReconnectBackoff = TimeSpan.FromSeconds(1);

    private readonly Random _handleTimes = new(plan.Seed);
    /// <summary>Contacts this desktop has an offer of or holds, and which: a second offer of one of them is announced again, and handled once.</summary>
    private readonly Dictionary<string, string> _open = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _lastEventId;
    private int _restoring;

    public string Id => plan.Id;

    /// <summary>Completes when the stream first opened.</summary>
    public Task Connected => _connected.Task;

    /// <summary>Listens until <paramref name="stop"/>, reconnecting whenever the stream breaks.</summary>
    public async Task WatchAsync(CancellationToken stop)
    {
        var failures = 0;
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var (response, silo) = await desks.Api.OpenStreamAsync(Endpoints.Events, $"/api/operators/{Id}/events", Volatile.Read(ref _lastEventId), stop);
                if (response is null)
                {
                    failures++;
                    await Task.Delay(Backoff(failures), stop);
                    continue;
                }

                failures = 0;
                using (response)
                {
                    await ReadAsync(response, silo, stop);
                }

                desks.Reconnecting();
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The run is over.
        }
    }

    private async Task ReadAsync(HttpResponseMessage response, int silo, CancellationToken stop)
    {
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(stop);
            using var reader = new StreamReader(stream);
            _connected.TrySetResult();
            var parser = new ServerSentEventParser();
            while (await reader.ReadLineAsync(stop) is { } line)
            {
                if (parser.Feed(line) is { } received)
                {
                    OnEvent(received);
                }
            }
        }
        catch (Exception exception) when (!stop.IsCancellationRequested && exception is IOException or HttpRequestException)
        {
            // The silo went away mid-stream; it leaves the rotation until its readiness probe answers again.
            desks.Api.Silos.MarkDown(silo);
        }
    }

    private void OnEvent(ServerSentEvent received)
    {
        if (!long.TryParse(received.Id, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id <= Volatile.Read(ref _lastEventId))
        {
            return;
        }

        Volatile.Write(ref _lastEventId, id);
        OperatorEventView? change;
        try
        {
            change = JsonSerializer.Deserialize<OperatorEventView>(received.Data, ApiJson.Options);
        }
        catch (JsonException exception)
        {
            desks.Ledger.Note($"{Id}'s desktop could not read event {id}: {exception.Message}");
            return;
        }

        switch (change)
        {
            case { Type: "offer", Offer: { } offer }:
                desks.Handle(() => HandleAsync(offer));
                break;
            case { Type: "offer-withdrawn", Offer: { } withdrawn }:
                lock (_open)
                {
                    _open.Remove(withdrawn.ContactId);
                }

                break;
        }

        if (change?.Presence == "not_responding" && Interlocked.Exchange(ref _restoring, 1) == 0)
        {
            desks.Handle(RestoreAsync);
        }
    }

    private async Task HandleAsync(OfferView offer)
    {
        var contactId = offer.ContactId;
        lock (_open)
        {
            if (!_open.TryAdd(contactId, "its earlier offer was being accepted"))
            {
                desks.OfferAnnouncedAgain(contactId, $"{contactId} was offered to {Id} again while {_open[contactId]}");
                return;
            }
        }

        try
        {
            await CarryOutAsync(offer);
        }
        finally
        {
            lock (_open)
            {
                _open.Remove(contactId);
            }
        }
    }

    private async Task CarryOutAsync(OfferView offer)
    {
        var contactId = offer.ContactId;
        var record = desks.Ledger.Find(contactId);
        var api = desks.Api;
        var stop = desks.Stopping;
        var accepted = await api.SendAsync(new ApiRequest(Endpoints.Accept, HttpMethod.Post, $"/api/contacts/{contactId}/accept", new { operatorId = Id }), stop);
        if (!accepted.IsSuccess)
        {
            // 409: the offer lapsed, was withdrawn, or the customer gave up meanwhile: nothing to do.
            desks.AcceptRefused(accepted);
            return;
        }

        lock (_open)
        {
            _open[contactId] = $"{Id} held it";
        }

        desks.Holds.Accepted(contactId, Id);
        desks.Accepted(record);
        record?.Advance(ClientStage.Accepted, Id);
        await Task.Delay(HandleTime(), stop);

        var proposed = await api.SendAsync(
            new ApiRequest(Endpoints.Propose, HttpMethod.Post, $"/api/contacts/{contactId}/status", new { status = Statuses.SolutionProposed, operatorId = Id, note = "try switching it off and on again" }),
            stop);
        if (!proposed.IsSuccess && !(proposed.IsConflict && proposed.FailedBefore && await ContactReads.ShowsAsync(api, contactId, ProposedStatuses, stop)))
        {
            // The hold stays: as far as this operator knows, the contact is still theirs.
            desks.Ledger.Note($"{Id} could not propose a solution for {contactId}: {proposed.Describe()}", contactId);
            return;
        }

        // Only now: a solution proposed cannot be accepted by anyone, so no later accept can overlap this hold.
        desks.Holds.Released(contactId, Id);

        if (record is not null)
        {
            record.Advance(ClientStage.Proposed);
            desks.Ledger.Changed(record);
        }

        var (literacy, temperament) = desks.Plan.RatingOf(offer.CustomerId);
        var rated = await api.SendAsync(
            new ApiRequest(Endpoints.Rate, HttpMethod.Post, $"/api/customers/{offer.CustomerId}/ratings", new { operatorId = Id, contactId, literacy, temperament }),
            stop);
        if (!rated.IsSuccess && !(rated.IsConflict && rated.FailedBefore))
        {
            desks.Ledger.Note($"{Id} could not rate customer {offer.CustomerId} for {contactId}: {rated.Describe()}", contactId);
        }

        await desks.Customers.ConfirmAsync(contactId, offer.CustomerId, record);
    }

    private async Task RestoreAsync()
    {
        try
        {
            var answer = await desks.Api.SendAsync(new ApiRequest(Endpoints.Presence, HttpMethod.Put, $"/api/operators/{Id}/presence", new { presence = "available" }), desks.Stopping);
            desks.PresenceRestored(answer.IsSuccess);
        }
        finally
        {
            Volatile.Write(ref _restoring, 0);
        }
    }

    /// <summary>A handle time drawn around the mean, ±50 %.</summary>
    private TimeSpan HandleTime()
    {
        double factor;
        lock (_handleTimes)
        {
            factor = 0.5 + _handleTimes.NextDouble();
        }

        return desks.HandleTime * factor;
    }

    private static TimeSpan Backoff(int failures) =>
        TimeSpan.FromMilliseconds(Math.Min(MaxReconnectBackoff.TotalMilliseconds, 50 * Math.Pow(2, failures - 1)));
}
