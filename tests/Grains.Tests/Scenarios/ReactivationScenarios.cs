using System.Text.Json;
using System.Text.Json.Nodes;
using Helpdesk.Grains.Contacts;
using Helpdesk.Grains.Customers;
using Helpdesk.Grains.Departments;
using Helpdesk.Grains.Operators;
using Helpdesk.Grains.Routing;
using Helpdesk.Testing;

namespace Helpdesk.Grains.Tests.Scenarios;

public sealed class ReactivationScenarios
{
    [Fact]
    public async Task QueueHeldContactsAndRoutesSurviveARestartOnTheSameDatabaseAndRoutingResumes()
    {
        var connectionString = (await PostgresServer.Shared).ConnectionStringForNewSchema("scenarios");
        JsonNode? queue, ann, call, chat, waiting;
        ManualTimeProvider clock;
        await using (var center = await ContactCenter.StartAsync(connectionString: connectionString))
        {
            clock = center.Clock;
            await center.AddDepartmentAsync("support", RoutingStrategy.LongestIdle, new EscalationStep(TimeSpan.FromMinutes(5), EscalationAction.RelaxSkill));
            await center.AddOperatorAsync("ann", "support", skills: new Dictionary<string, int> { ["linux"] = 4 });
            await center.CreateContactAsync("call", "support", skill: "linux", minProficiency: 2);
            ContactCenter.Ok(await center.Grains.GetGrain<IContactGrain>("call").AcceptAsync("ann"));
            await center.CreateContactAsync("chat", "support", customer: "cat", channel: Channel.Chat);
            await center.Grains.GetGrain<ICustomerGrain>("wes").SetExclusionAsync("bob", excluded: true);
            await center.CreateContactAsync("waiting", "support", customer: "wes", priority: 4);
            await center.DepartmentWhenAsync("support", d => d.Members.Single().Presence == Presence.Busy, "sees ann busy");
            queue = Json((await center.GetDepartmentAsync("support")).Queue);
            ann = Json(await center.GetOperatorAsync("ann"));
            (call, chat, waiting) = (Json(await center.GetContactAsync("call")), Json(await center.GetContactAsync("chat")), Json(await center.GetContactAsync("waiting")));
        }

        await using var restarted = await ContactCenter.StartAsync(connectionString: connectionString, clock: clock);

        Assert.Equal("waiting", queue?[0]?["ContactId"]?.GetValue<string>());
        AssertSame(queue, Json((await restarted.GetDepartmentAsync("support")).Queue));
        AssertSame(ann, Json(await restarted.GetOperatorAsync("ann")));
        AssertSame(call, Json(await restarted.GetContactAsync("call")));
        AssertSame(chat, Json(await restarted.GetContactAsync("chat")));
        AssertSame(waiting, Json(await restarted.GetContactAsync("waiting")));

        await restarted.AddOperatorAsync("bob", "support");
        Assert.Equal("waiting", Assert.Single((await restarted.GetDepartmentAsync("support")).Queue).ContactId);
        ContactCenter.Ok(await restarted.Grains.GetGrain<IContactGrain>("call").ChangeStatusAsync(new StatusRequest(ContactStatus.SolutionProposed, TicketActor.Operator, "ann")));

        await restarted.WaitForOfferAsync("waiting", "ann");
    }

    [Fact]
    public async Task AStoppingSiloHandsItsDepartmentsAndTheirMembersOverAndRoutingGoesOn()
    {
        // A graceful stop moves every activation, with its state, in batches to the surviving silos; there each
        // department asks its members for their views again, and routes as before.
        var connectionString = (await PostgresServer.Shared).ConnectionStringForNewSchema("handover");
        await using var center = await ContactCenter.StartAsync(connectionString: connectionString, silos: 3);
        string[] departments = ["billing", "sales", "support", "returns"];
        var stopping = center.Cluster.Silos[2];
        foreach (var department in departments)
        {
            await center.AddDepartmentAsync(department);
            for (var i = 1; i <= 3; i++)
            {
                await center.AddOperatorAsync($"{department}-{i}", department, presence: i == 3 ? Presence.Break : Presence.Available);
                await MoveAsync(center, center.Grains.GetGrain<IOperatorGrain>($"{department}-{i}"), stopping.SiloAddress);
            }

            await MoveAsync(center, center.Grains.GetGrain<IDepartmentGrain>(department), stopping.SiloAddress);
        }

        await center.Cluster.StopSiloAsync(stopping).WaitAsync(TimeSpan.FromSeconds(15));

        foreach (var department in departments)
        {
            await center.CreateContactAsync($"{department}-call", department);
            await center.ContactWhenAsync(
                $"{department}-call",
                contact => contact.Status == ContactStatus.Offered && contact.OperatorId?.StartsWith($"{department}-", StringComparison.Ordinal) == true,
                "offered to one of its department's members");
            var members = (await center.GetDepartmentAsync(department)).Members;
            Assert.Equal(Presence.Break, members.Single(member => member.OperatorId == $"{department}-3").Presence);
        }
    }

    /// <summary>Moves the grain's activation to <paramref name="silo"/> unless it is there already.</summary>
    private static async Task MoveAsync(ContactCenter center, IAddressable grain, SiloAddress silo)
    {
        if (SiloOf(center, grain) != silo)
        {
            await center.Cluster.MigrateAsync(grain, silo);
            RequestContext.Clear();
        }

        Assert.Equal(silo, SiloOf(center, grain));
    }

    private static SiloAddress? SiloOf(ContactCenter center, IAddressable grain) =>
        center.Cluster.TryGetGrainContext(grain.GetGrainId(), out var context) ? context.Address.SiloAddress : null;

    private static JsonNode? Json<T>(T value) => JsonSerializer.SerializeToNode(value);

    /// <summary>Equal as JSON, property order aside: PostgreSQL's jsonb keeps a dictionary's keys in an order of its own.</summary>
    private static void AssertSame(JsonNode? before, JsonNode? after) =>
        Assert.True(JsonNode.DeepEquals(before, after), $"Before the restart: {before?.ToJsonString()}\nAfter it: {after?.ToJsonString()}");
}
