using Helpdesk.Grains.Common;
using Helpdesk.Grains.Contacts;
using Helpdesk.Grains.Customers;
using Helpdesk.Grains.Departments;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Grains.Tickets;

/// <summary>Applies the missed-call regulation (<see cref="MissedCallRule"/>) to one call.</summary>
/// <remarks>
/// The callback task's id derives from the call's, so a registration retried after a crash finds the task it
/// created before instead of making a second one.
/// </remarks>
[GrainType("missedcall")]
internal sealed class MissedCallGrain(
    [PersistentState("missed-call")] IPersistentState<MissedCallState> state,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider time) : Grain, IMissedCallGrain
{
    private const string CallbackTopic = "callback";

    private string Id => this.GetPrimaryKeyString();

    public async Task<Reply<MissedCallRecord>> RegisterAsync(MissedCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (state.State.Record is { } record)
        {
            return record.Call == call
                ? Reply<MissedCallRecord>.Ok(record)
                : Reply<MissedCallRecord>.Invalid("id", $"Missed call {Id} was registered with other details; use a new id for another call.");
        }

        if (await GrainFactory.GetGrain<IDepartmentGrain>(call.Department).SlaAsync() is not { } sla)
        {
            return Reply<MissedCallRecord>.Invalid("department", $"No department {call.Department}.");
        }

        var now = time.GetUtcNow();
        var reached = await GrainFactory.GetGrain<ICustomerGrain>(call.CustomerId).ReachedSinceAsync(call.At);
        var decision = MissedCallRule.Decide(call.At, now, reached, sla.Calendar);
        if (decision.LinkedTo is { } ticket)
        {
            var linked = await GrainFactory.GetGrain<IContactGrain>(ticket).LinkAsync(Id);
            var topic = call.Topic ?? linked.Value?.Request.Topic ?? CallbackTopic;
            state.State.Record = new MissedCallRecord(Id, call, topic, ticket, null, null, null, decision.Reason, now);
        }
        else
        {
            var topic = call.Topic ?? CallbackTopic;
            var callback = $"{Id}-callback";
            var request = new NewContact(call.CustomerId, decision.Channel, topic, call.Department, 3, null, 0);
            var created = await GrainFactory.GetGrain<IContactGrain>(callback).CreateTaskAsync(new ContactTask(request, Id, call.OperatorId, decision.DueAt));
            if (created.Status != ReplyStatus.Ok)
            {
                return Reply<MissedCallRecord>.Invalid(created.Field ?? "department", created.Error ?? "The callback could not be created.");
            }

            state.State.Record = new MissedCallRecord(Id, call, topic, null, callback, decision.Channel, decision.DueAt, decision.Reason, now);
        }

        await state.SaveAsync(DeactivateOnIdle);
        return Reply<MissedCallRecord>.Ok(state.State.Record);
    }

    public Task<Reply<MissedCallRecord>> GetAsync() => Task.FromResult(
        state.State.Record is { } record ? Reply<MissedCallRecord>.Ok(record) : Reply<MissedCallRecord>.NotFound("No such missed call."));
}
