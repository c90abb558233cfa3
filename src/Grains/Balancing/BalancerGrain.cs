using Helpdesk.Grains.Common;
using Helpdesk.Grains.Departments;
using Helpdesk.Grains.Directory;
using Helpdesk.Grains.Operators;
using Helpdesk.Grains.Supervision;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Grains.Balancing;

/// <summary>Looks at every department each period, and proposes or makes loans of operators by <see cref="Rebalancer"/>.</summary>
/// <remarks>
/// While it is on, a grain timer runs a round every <see cref="BalancerPolicy.Period"/> (seconds, below what Orleans
/// reminders allow) and keeps the grain active, and a durable reminder repeating at the reminders' smallest period
/// brings it back after a restart or a failover, which starts the timer again. It only reads departments and operators
/// and tells operators to move; nothing calls it back, so no call cycle can form.
/// </remarks>
[GrainType("balancer")]
internal sealed class BalancerGrain(
    [PersistentState("balancer")] IPersistentState<BalancerState> state,
    BalancerPolicy policy,
    IOptions<ReminderOptions> reminders,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider time) : Grain, IBalancerGrain, IRemindable
{
    private const string KeepOn = "keep-on";
    private const int MovesKept = 100;
    private static readonly TimeSpan ObserveAfter = TimeSpan.FromMinutes(1);

    private readonly Dictionary<string, int> _lastQueue = new(StringComparer.Ordinal);
    private IGrainTimer? _rounds;

    private BalancerState S => state.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (S.Mode != BalancerMode.Off)
        {
            StartRounds();
        }

        return Task.CompletedTask;
    }

    public Task<BalancerSnapshot> GetAsync() => Task.FromResult(Snapshot());

    public async Task<BalancerSnapshot> SetModeAsync(BalancerMode mode)
    {
        var period = reminders.Value.MinimumReminderPeriod;
        if (mode != BalancerMode.Off)
        {
            await this.RegisterOrUpdateReminder(KeepOn, period, period);
        }

        S.Mode = mode;
        if (mode != BalancerMode.Advise)
        {
            S.Proposals.Clear();
        }

        await state.SaveAsync(DeactivateOnIdle);
        if (mode == BalancerMode.Off)
        {
            _rounds?.Dispose();
            _rounds = null;
            if (await this.GetReminder(KeepOn) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }
        }
        else
        {
            StartRounds();
        }

        return Snapshot();
    }

    /// <summary>The reminder's only work is to have activated the grain, whose activation starts the rounds.</summary>
    public Task ReceiveReminder(string reminderName, TickStatus status) => Task.CompletedTask;

    public async Task<BalancerSnapshot> RoundAsync()
    {
        var now = time.GetUtcNow();
        var pictures = await PicturesAsync(now);
        Observe(pictures, now);
        var proposals = Rebalancer.Plan(pictures, now, policy);
        S.LastRound = now;
        if (S.Mode == BalancerMode.Auto)
        {
            foreach (var proposal in proposals)
            {
                await CarryOutAsync(proposal, "balancer", now);
            }
        }
        else if (S.Mode == BalancerMode.Advise)
        {
            foreach (var proposal in proposals.Where(proposal => !S.Proposals.Exists(known => known.Id == proposal.Id)))
            {
                Publish("balancer-proposal", now, $"proposed: {Describe(proposal)}", proposal);
            }

            S.Proposals = [.. proposals];
        }

        await state.SaveAsync(DeactivateOnIdle);
        return Snapshot();
    }

    public async Task<Reply<BalancerSnapshot>> AcceptAsync(string proposalId, string by)
    {
        if (S.Proposals.Find(proposal => proposal.Id == proposalId) is not { } proposal)
        {
            return Reply<BalancerSnapshot>.NotFound($"No proposal {proposalId} now: it was carried out, turned down, or the next round no longer finds it.");
        }

        S.Proposals.Remove(proposal);
        var moved = await CarryOutAsync(proposal, by, time.GetUtcNow());
        await state.SaveAsync(DeactivateOnIdle);
        return moved is null
            ? Reply<BalancerSnapshot>.Ok(Snapshot())
            : Reply<BalancerSnapshot>.Conflict($"Proposal {proposalId} could not be carried out: {moved}");
    }

    public async Task<Reply<BalancerSnapshot>> RejectAsync(string proposalId, string by)
    {
        if (S.Proposals.Find(proposal => proposal.Id == proposalId) is not { } proposal)
        {
            return Reply<BalancerSnapshot>.NotFound($"No proposal {proposalId} now.");
        }

        var now = time.GetUtcNow();
        S.Proposals.Remove(proposal);
        S.LastMoved[proposal.OperatorId] = now;
        Publish("balancer-rejected", now, $"{by} turned down: {Describe(proposal)}", proposal);
        await state.SaveAsync(DeactivateOnIdle);
        return Reply<BalancerSnapshot>.Ok(Snapshot());
    }

    /// <summary>Moves the operator; <see langword="null"/> when done, else why not.</summary>
    private async Task<string?> CarryOutAsync(BalancerProposal proposal, string by, DateTimeOffset now)
    {
        var operatorGrain = GrainFactory.GetGrain<IOperatorGrain>(proposal.OperatorId);
        var reply = proposal.Kind == BalancerProposalKind.Lend
            ? await operatorGrain.LendAsync(proposal.To, null, proposal.Reason, by, keepsHome: true, proposal.InReturnFor)
            : await operatorGrain.ReturnAsync(by);
        if (reply.Status != ReplyStatus.Ok)
        {
            return reply.Error;
        }

        S.LastMoved[proposal.OperatorId] = now;
        S.Moves.Insert(0, new BalancerMove(proposal, now, by));
        if (S.Moves.Count > MovesKept)
        {
            S.Moves.RemoveRange(MovesKept, S.Moves.Count - MovesKept);
        }

        Publish("balancer-move", now, $"{by} moved: {Describe(proposal)}", proposal);
        return null;
    }

    /// <summary>Every department as the planner sees it: its load, its queue's trend, and its members at work.</summary>
    private async Task<IReadOnlyList<DepartmentPicture>> PicturesAsync(DateTimeOffset now)
    {
        var ids = await GrainFactory.GetGrain<IDirectoryGrain>(IDirectoryGrain.Departments).ListAsync();
        var departments = (await Task.WhenAll(ids.Select(id => GrainFactory.GetGrain<IDepartmentGrain>(id).GetAsync())))
            .Where(reply => reply.Status == ReplyStatus.Ok)
            .Select(reply => reply.Value!)
            .ToList();
        var operatorIds = departments.SelectMany(department => department.Members.Select(member => member.OperatorId)).Distinct(StringComparer.Ordinal);
        var operators = (await Task.WhenAll(operatorIds.Select(id => GrainFactory.GetGrain<IOperatorGrain>(id).GetAsync())))
            .Where(reply => reply.Status == ReplyStatus.Ok)
            .ToDictionary(reply => reply.Value!.Id, reply => reply.Value!, StringComparer.Ordinal);
        List<DepartmentPicture> pictures = [];
        foreach (var department in departments)
        {
            var growing = department.Load.QueueLength > _lastQueue.GetValueOrDefault(department.Id);
            _lastQueue[department.Id] = department.Load.QueueLength;
            var load = department.Load.ToDepartmentLoad(policy.Patience.TotalSeconds);
            var members = department.Members
                .Where(member => operators.ContainsKey(member.OperatorId))
                .Select(member => operators[member.OperatorId])
                .Select(op => new MemberPicture(
                    op.Id, op.Profile.Line, op.Profile.Skills, op.Profile.Departments[0], op.Loan, S.LastMoved.TryGetValue(op.Id, out var at) ? at : null, op.Presence != Routing.Presence.Offline && op.Presence != Routing.Presence.Break))
                .ToList();
            pictures.Add(new DepartmentPicture(department.Id, load, department.Load.QueueLength, growing, members));
        }

        return pictures;
    }

    /// <summary>Fills in, a minute after each move, the service levels its two departments were then forecast to give.</summary>
    private void Observe(IReadOnlyList<DepartmentPicture> pictures, DateTimeOffset now)
    {
        for (var i = 0; i < S.Moves.Count; i++)
        {
            var move = S.Moves[i];
            if (move.Observed is null && now - move.At >= ObserveAfter
                && pictures.FirstOrDefault(picture => picture.Id == move.Proposal.From) is { } from
                && pictures.FirstOrDefault(picture => picture.Id == move.Proposal.To) is { } to)
            {
                S.Moves[i] = move with { Observed = new ObservedEffect(now, from.Load.Forecast().ServiceLevel, to.Load.Forecast().ServiceLevel) };
            }
        }
    }

    private void Publish(string type, DateTimeOffset at, string summary, BalancerProposal proposal) =>
        _ = GrainFactory.GetGrain<ISupervisorFeedGrain>(ISupervisorFeedGrain.Center)
            .PublishAsync(new SupervisorNotice(0, type, at, summary, OperatorId: proposal.OperatorId, Department: proposal.To));

    private static string Describe(BalancerProposal proposal) =>
        $"{proposal.OperatorId} from {proposal.From} to {proposal.To} ({proposal.Reason}; predicted gain {proposal.Predicted.Gain:P1})";

    private void StartRounds() => _rounds ??= this.RegisterGrainTimer(
        _ => RoundAsync(),
        new GrainTimerCreationOptions(policy.Period, policy.Period) { KeepAlive = true });

    private BalancerSnapshot Snapshot() => new(S.Mode, [.. S.Proposals], [.. S.Moves], S.LastRound);
}
