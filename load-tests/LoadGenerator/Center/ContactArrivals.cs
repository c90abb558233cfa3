using System.Diagnostics;
using Helpdesk.LoadGenerator.Accounting;
using Helpdesk.LoadGenerator.Contracts;
using Helpdesk.LoadGenerator.Http;

namespace Helpdesk.LoadGenerator.Center;

/// <summary>The stream of new contacts, open loop: each arrives at its time whether or not earlier ones were answered, as an IVR or a web form would send them.</summary>
/// <remarks>
/// Each arrival asks the customer's entry first, as an IVR does, then creates the contact with an Idempotency-Key and
/// retries it across silos until it is acknowledged or its retries run out, so an acknowledged contact is never lost
/// to a silo that died mid-request. The pacer is a thread of its own, so a busy thread pool cannot hold arrivals back.
/// </remarks>
internal sealed class ContactArrivals(ApiClient api, CenterPlan plan, ContactLedger ledger, Customers customers)
{
    /// <summary>An IVR waits only so long for the entry decision, then routes the call without it.</summary>
    private static readonly TimeSpan EntryRetryFor = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan LongestNap = TimeSpan.FromMilliseconds(20);

    private int _inFlight;
    private int _mismatchedIds;

    /// <summary>Creations waiting for their answer now.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>Receipts whose id is not the one derived from their key; the final check then reads the receipt's.</summary>
    public int MismatchedIds => Volatile.Read(ref _mismatchedIds);

    /// <summary>Sends contacts at their times until <paramref name="duration"/> has passed, <paramref name="maxRequests"/> requests were sent, or <paramref name="stop"/>.</summary>
    /// <param name="duration">How long contacts arrive.</param>
    /// <param name="maxRequests">Arrivals stop once the run has sent this many requests.</param>
    /// <param name="maxInFlight">Arrivals are left out while this many creations wait for their answer, so a stalled cluster cannot pile up work without bound.</param>
    /// <param name="stop">Ends the arrivals early.</param>
    public Task<ArrivalFigures> RunAsync(TimeSpan duration, long maxRequests, int maxInFlight, CancellationToken stop)
    {
        var done = new TaskCompletionSource<ArrivalFigures>(TaskCreationOptions.RunContinuationsAsynchronously);
        var pacer = new Thread(() =>
        {
            try
            {
                done.TrySetResult(Pace(duration, maxRequests, maxInFlight, stop));
            }
            catch (Exception exception)
            {
                done.TrySetException(exception);
            }
        })
        {
            IsBackground = true,
            Name = "arrivals",
        };
        pacer.Start();
        return done.Task;
    }

    private ArrivalFigures Pace(TimeSpan duration, long maxRequests, int maxInFlight, CancellationToken stop)
    {
        var started = Stopwatch.GetTimestamp();
        var sent = 0;
        var skipped = 0;
        var reason = "the duration ended";
        foreach (var arrival in plan.Arrivals())
        {
            if (arrival.Due >= duration)
            {
                break;
            }

            for (var wait = arrival.Due - Stopwatch.GetElapsedTime(started); wait > TimeSpan.Zero && !stop.IsCancellationRequested; wait = arrival.Due - Stopwatch.GetElapsedTime(started))
            {
                // Short naps rather than one long sleep: a stop is noticed soon, and a nap rarely overshoots by more than a millisecond.
                Thread.Sleep(wait > LongestNap ? LongestNap : wait);
            }

            if (stop.IsCancellationRequested)
            {
                reason = "the run was stopped";
                break;
            }

            if (api.Recorder.Requests >= maxRequests)
            {
                reason = $"{maxRequests:N0} requests were sent (--max-requests)";
                break;
            }

            if (Volatile.Read(ref _inFlight) >= maxInFlight)
            {
                skipped++;
                continue;
            }

            Interlocked.Increment(ref _inFlight);
            var record = ledger.Add(arrival.Index, arrival.Key, arrival.CustomerId);
            sent++;
            _ = Task.Run(() => ArriveAsync(arrival, record, stop), CancellationToken.None);
        }

        return new ArrivalFigures(sent, skipped, Stopwatch.GetElapsedTime(started), reason);
    }

    private async Task ArriveAsync(Arrival arrival, ContactRecord record, CancellationToken stop)
    {
        try
        {
            var entry = await api.SendAsync(
                new ApiRequest(Endpoints.Entry, HttpMethod.Get, $"/api/customers/{arrival.CustomerId}/entry?channel={arrival.Channel}&department={arrival.Department}", RetryFor: EntryRetryFor),
                stop);
            if (!entry.IsSuccess)
            {
                ledger.Note($"the entry of {arrival.CustomerId} was not answered: {entry.Describe()}; the contact is created anyway");
            }

            var body = new
            {
                customerId = arrival.CustomerId,
                channel = arrival.Channel,
                topic = $"question {arrival.Index}",
                department = arrival.Department,
                priority = arrival.Priority,
                category = arrival.Category,
            };
            var created = await api.SendAsync(new ApiRequest(Endpoints.CreateContact, HttpMethod.Post, "/api/contacts", body, arrival.Key), stop);
            if (created.Status == 201)
            {
                var receipt = created.Read<ContactReceiptView>();
                if (receipt.Id != record.Id)
                {
                    Interlocked.Increment(ref _mismatchedIds);
                }

                record.Acknowledge(receipt.Id);
                api.Recorder.ContactCreated();
                customers.Waiting(record);
            }
            else
            {
                record.GiveUp(created.Describe());
                if (!created.GaveUp)
                {
                    ledger.Note($"contact {arrival.Key} was refused: {created.Describe()}");
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            record.GiveUp("the run was stopped before an answer");
        }
        catch (Exception exception)
        {
            record.GiveUp($"{exception.GetType().Name}: {exception.Message}");
            ledger.Note($"contact {arrival.Key} failed: {exception.GetType().Name}: {exception.Message}");
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
            ledger.Changed(record);
        }
    }
}
