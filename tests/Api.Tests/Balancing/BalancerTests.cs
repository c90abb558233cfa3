using System.Net;
using System.Net.Http.Json;
using Helpdesk.Api.Tests.Contacts;
using Helpdesk.Api.Tests.Departments;
using Helpdesk.Api.Tests.Operators;
using Helpdesk.Grains.Balancing;
using Helpdesk.Grains.Contacts;
using Helpdesk.Testing;

namespace Helpdesk.Api.Tests.Balancing;

/// <summary>The balancer over real HTTP: support is swamped (two operators, a queue), billing idle (five operators, nothing arriving).</summary>
public sealed class BalancerTests
{
    [Fact]
    public async Task InAdviseModeNothingMovesUntilASupervisorAcceptsTheProposal()
    {
        var clock = new ManualTimeProvider();
        await using var server = await HelpdeskServer.StartAsync(time: clock);
        var waiting = await SwampedSupportIdleBillingAsync(server);
        await server.PutOkAsync<BalancerSnapshot>("/api/balancer/mode", new { mode = "advise" });

        var advised = await server.PostOkAsync<BalancerSnapshot>("/api/balancer/round", new { });

        var proposal = Assert.Single(advised.Proposals);
        Assert.Equal((BalancerProposalKind.Lend, "billing", "support"), (proposal.Kind, proposal.From, proposal.To));
        Assert.True(proposal.Predicted.Gain > 0, $"Predicted gain {proposal.Predicted.Gain}.");
        Assert.Empty(advised.Moves);
        Assert.Null((await server.GetOperatorAsync(proposal.OperatorId)).Loan);

        using var head = await server.ClientAsAsync("supervisor", "head-of-support");
        var accepted = await HelpdeskServer.PostOkAsync<BalancerSnapshot>(head, $"/api/balancer/proposals/{Uri.EscapeDataString(proposal.Id)}/accept", new { });

        var move = Assert.Single(accepted.Moves);
        Assert.Equal(("head-of-support", proposal.Id), (move.By, move.Proposal.Id));
        Assert.Empty(accepted.Proposals);
        Assert.Equal("support", (await server.GetOperatorAsync(proposal.OperatorId)).Loan?.Department);
        var lent = await Eventually.ReadAsync(
            () => server.GetOperatorAsync(proposal.OperatorId),
            o => o.Contacts.Count == 1,
            $"{proposal.OperatorId}, lent to support, to be offered a waiting call",
            o => $"{o.Contacts.Count} contacts");
        Assert.Contains(lent.Contacts[0].ContactId, waiting);
    }

    [Fact]
    public async Task InAutoModeTheBalancerLendsAnOperatorItself()
    {
        var clock = new ManualTimeProvider();
        await using var server = await HelpdeskServer.StartAsync(time: clock);
        await SwampedSupportIdleBillingAsync(server);
        await server.PutOkAsync<BalancerSnapshot>("/api/balancer/mode", new { mode = "auto" });

        var round = await server.PostOkAsync<BalancerSnapshot>("/api/balancer/round", new { });

        var move = Assert.Single(round.Moves);
        Assert.Equal(("balancer", "billing", "support"), (move.By, move.Proposal.From, move.Proposal.To));
        Assert.Empty(round.Proposals);
        Assert.Equal(("support", true), (await server.GetOperatorAsync(move.Proposal.OperatorId)).Loan is { } loan ? (loan.Department, loan.KeepsHome) : default);
    }

    [Fact]
    public async Task ARejectedProposalIsDroppedAndAnUnknownOneIsNotFound()
    {
        var clock = new ManualTimeProvider();
        await using var server = await HelpdeskServer.StartAsync(time: clock);
        await SwampedSupportIdleBillingAsync(server);
        await server.PutOkAsync<BalancerSnapshot>("/api/balancer/mode", new { mode = "advise" });
        var proposal = Assert.Single((await server.PostOkAsync<BalancerSnapshot>("/api/balancer/round", new { })).Proposals);

        var rejected = await server.PostOkAsync<BalancerSnapshot>($"/api/balancer/proposals/{Uri.EscapeDataString(proposal.Id)}/reject", new { });
        using var again = await server.PostAsync($"/api/balancer/proposals/{Uri.EscapeDataString(proposal.Id)}/accept", new { });
        using var badMode = await server.Client.PutAsJsonAsync(new Uri("/api/balancer/mode", UriKind.Relative), new { mode = "sometimes" });

        Assert.Empty(rejected.Proposals);
        Assert.Empty(rejected.Moves);
        await ProblemAssert.IsProblemAsync(again, HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(badMode, HttpStatusCode.BadRequest);
        Assert.Null((await server.GetOperatorAsync(proposal.OperatorId)).Loan);
    }

    /// <summary>
    /// A 30 s conversation sets support's handle time; then four calls arrive for its two operators, so two wait:
    /// 2.5 erlangs on 2 operators, a queue that never settles. Billing's three operators have nothing to do, and can spare one.
    /// </summary>
    internal static async Task<IReadOnlyList<string>> SwampedSupportIdleBillingAsync(HelpdeskServer server)
    {
        await server.CreateDepartmentAsync("support");
        await server.CreateDepartmentAsync("billing");
        await server.StartShiftAsync("ana", "l1", "support");
        await server.StartShiftAsync("al", "l1", "support");
        foreach (var id in new[] { "bea", "bob", "bud" })
        {
            await server.StartShiftAsync(id, "l1", "billing");
        }

        var first = await server.CreateContactAsync("cust-0", "support", "phone");
        await server.ActOkAsync(first.Id, "accept", first.OperatorId!);
        await server.AdvanceAsync(TimeSpan.FromSeconds(30));
        await server.ProposeOkAsync(first.Id, first.OperatorId!);
        List<string> waiting = [];
        for (var i = 1; i <= 4; i++)
        {
            var receipt = await server.CreateContactAsync($"cust-{i}", "support", "phone");
            if (receipt.Status == ContactStatus.Queued)
            {
                waiting.Add(receipt.Id);
            }
        }

        Assert.Equal(2, waiting.Count);
        return waiting;
    }
}
