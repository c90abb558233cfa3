using Helpdesk.Grains.Balancing;
using Helpdesk.Grains.Common;
using Helpdesk.Grains.Contacts;
using Helpdesk.Grains.Operators;
using Helpdesk.Grains.Routing;

namespace Helpdesk.Grains.Tests.Scenarios;

/// <summary>
/// Four departments of 12 operators on a manual clock, calls of 60 s, every department quiet (a call each 20 s, 3
/// erlangs) until sales surges to a call each 4 s (15 erlangs). Desks accept every offer and finish each call on time.
/// </summary>
public sealed class BalancerScenarios
{
    private static readonly string[] Departments = ["sales", "billing", "support", "tech"];
    private static readonly TimeSpan Talk = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task InAutoModeTheBalancerLendsWithinAMinuteOfASurgeAndBringsEveryoneBackAfterIt()
    {
        await using var center = await ContactCenter.StartAsync();
        var desks = await Desks.OpenAsync(center);
        var balancer = center.Grains.GetGrain<IBalancerGrain>(IBalancerGrain.Center);
        await desks.RunAsync(TimeSpan.FromSeconds(90), Quiet);
        await balancer.SetModeAsync(BalancerMode.Auto);
        await desks.RunAsync(TimeSpan.FromSeconds(30), Quiet);
        Assert.Empty((await balancer.GetAsync()).Moves);

        var surge = center.Clock.GetUtcNow();
        await desks.RunAsync(TimeSpan.FromSeconds(60), Surge);

        var lent = (await balancer.GetAsync()).Moves.Where(move => move.Proposal.Kind == BalancerProposalKind.Lend).ToList();
        Assert.Contains(lent, move => move.Proposal.InReturnFor is null);
        Assert.All(lent, move => Assert.Equal("sales", move.Proposal.InReturnFor is null ? move.Proposal.To : move.Proposal.From));
        Assert.All(lent.Where(move => move.Proposal.InReturnFor is { }), back => Assert.Contains(lent, move => move.Proposal.OperatorId == back.Proposal.InReturnFor));
        Assert.All(lent, move => Assert.True(move.At <= surge + TimeSpan.FromMinutes(1), $"Lent at {move.At - surge} into the surge."));

        await desks.RunAsync(BalancerPolicy.Default.Cooldown + TimeSpan.FromMinutes(5), Quiet);

        var operators = await Task.WhenAll(desks.Operators.Select(id => center.GetOperatorAsync(id)));
        Assert.All(operators, op => Assert.Null(op.Loan));
        Assert.Contains((await balancer.GetAsync()).Moves, move => move.Proposal.Kind == BalancerProposalKind.Return);
        desks.AssertEveryCallAnsweredOnce();
    }

    [Fact]
    public async Task InAdviseModeNothingMovesUntilAProposalIsAccepted()
    {
        await using var center = await ContactCenter.StartAsync();
        var desks = await Desks.OpenAsync(center);
        var balancer = center.Grains.GetGrain<IBalancerGrain>(IBalancerGrain.Center);
        await desks.RunAsync(TimeSpan.FromSeconds(90), Quiet);
        await balancer.SetModeAsync(BalancerMode.Advise);

        await desks.RunAsync(TimeSpan.FromSeconds(60), Surge);

        var advised = await balancer.GetAsync();
        Assert.Empty(advised.Moves);
        var proposal = advised.Proposals.First(proposal => proposal.To == "sales");
        Assert.All(await Task.WhenAll(desks.Operators.Select(id => center.GetOperatorAsync(id))), op => Assert.Null(op.Loan));

        ContactCenter.Ok(await balancer.AcceptAsync(proposal.Id, "head-of-sales"));

        Assert.Equal("sales", (await center.GetOperatorAsync(proposal.OperatorId)).Loan?.Department);
        await desks.RunAsync(TimeSpan.FromSeconds(30), Surge);
        desks.AssertEveryCallServedOnce();
    }

    private static bool Quiet(string department, int second) => second % 20 == Array.IndexOf(Departments, department);

    private static bool Surge(string department, int second) => department == "sales" ? second % 4 == 0 : Quiet(department, second);

    /// <summary>The operators' desks: they accept every offer at once and finish each call after <see cref="Talk"/>.</summary>
    private sealed class Desks(ContactCenter center)
    {
        private readonly Dictionary<string, string> _acceptedBy = new(StringComparer.Ordinal);
        private readonly List<string> _created = [];
        private int _second;

        public List<string> Operators { get; } = [];

        public static async Task<Desks> OpenAsync(ContactCenter center)
        {
            var desks = new Desks(center);
            foreach (var department in Departments)
            {
                await center.AddDepartmentAsync(department);
                for (var i = 1; i <= 12; i++)
                {
                    var id = $"{department}-{i:00}";
                    await center.AddOperatorAsync(id, department);
                    desks.Operators.Add(id);
                }
            }

            return desks;
        }

        /// <summary>Second by second: new calls arrive where <paramref name="arrives"/> says, desks work, the clock moves on.</summary>
        public async Task RunAsync(TimeSpan duration, Func<string, int, bool> arrives)
        {
            for (var end = _second + (int)duration.TotalSeconds; _second < end; _second++)
            {
                foreach (var department in Departments.Where(department => arrives(department, _second)))
                {
                    var id = $"call-{_created.Count:00000}";
                    _created.Add(id);
                    ContactCenter.Ok(await center.Grains.GetGrain<IContactGrain>(id).CreateAsync(new NewContact($"customer-{id}", Channel.Phone, "a call", department, 3, null, 0), id));
                }

                await WorkAsync();
                await center.AdvanceAsync(TimeSpan.FromSeconds(1));
            }
        }

        public void AssertEveryCallServedOnce()
        {
            Assert.True(_acceptedBy.Count > 0, "No call was answered.");
            Assert.All(_acceptedBy.Keys, id => Assert.Contains(id, _created));
        }

        /// <summary>Every call created was answered, each by one operator: none lost, none twice.</summary>
        public void AssertEveryCallAnsweredOnce()
        {
            AssertEveryCallServedOnce();
            Assert.Equal(_created.Count, _acceptedBy.Count);
        }

        private async Task WorkAsync()
        {
            var now = center.Clock.GetUtcNow();
            var holding = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var snapshot in await Task.WhenAll(Operators.Select(id => center.GetOperatorAsync(id))))
            {
                foreach (var held in snapshot.Contacts)
                {
                    Assert.True(holding.TryAdd(held.ContactId, snapshot.Id), $"Call {held.ContactId} is held by {snapshot.Id} and {holding.GetValueOrDefault(held.ContactId)} at once.");
                    await ServeAsync(snapshot, held, now);
                }
            }
        }

        private async Task ServeAsync(OperatorSnapshot snapshot, HeldContact held, DateTimeOffset now)
        {
            var contact = center.Grains.GetGrain<IContactGrain>(held.ContactId);
            if (!held.Accepted)
            {
                if ((await contact.AcceptAsync(snapshot.Id)).Status == ReplyStatus.Ok)
                {
                    Assert.True(_acceptedBy.TryAdd(held.ContactId, snapshot.Id), $"Call {held.ContactId} was accepted by {snapshot.Id} after {_acceptedBy.GetValueOrDefault(held.ContactId)}.");
                }
            }
            else if (now - held.Since >= Talk)
            {
                ContactCenter.Ok(await contact.ChangeStatusAsync(new StatusRequest(ContactStatus.SolutionProposed, TicketActor.Operator, snapshot.Id)));
            }
        }
    }
}
