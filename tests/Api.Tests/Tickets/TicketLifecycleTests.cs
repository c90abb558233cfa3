using System.Net;
using Helpdesk.Api.Tests.Contacts;
using Helpdesk.Api.Tests.Departments;
using Helpdesk.Api.Tests.Operators;
using Helpdesk.Grains.Contacts;
using Helpdesk.Testing;

namespace Helpdesk.Api.Tests.Tickets;

/// <summary>A ticket's statuses over real HTTP: who may move it where, and what each move does.</summary>
public sealed class TicketLifecycleTests
{
    [Fact]
    public async Task ATicketGoesThroughEveryOperatorStatusAndClosesOnlyWhenTheCustomerConfirms()
    {
        var clock = new ManualTimeProvider();
        await using var server = await HelpdeskServer.StartAsync(time: clock);
        var id = await InProgressWithAnaAsync(server);

        await MoveOkAsync(server, id, new { status = "waiting_for_customer", operatorId = "ana", note = "send the log" });
        await MoveOkAsync(server, id, new { status = "queued", customerId = "cust-1", note = "log attached" });
        await server.WaitForContactAsync(id, c => c.Status == ContactStatus.Offered && c.OperatorId == "ana", "back with ana");
        await server.ActOkAsync(id, "accept", "ana");
        var postponed = await MoveOkAsync(server, id, new { status = "postponed", operatorId = "ana", until = clock.GetUtcNow().AddHours(1) });
        Assert.Equal(clock.GetUtcNow().AddHours(1), postponed.ResumeAt);
        await MoveOkAsync(server, id, new { status = "queued", operatorId = "ana", note = "resumed early" });
        await server.WaitForContactAsync(id, c => c.Status == ContactStatus.Offered && c.OperatorId == "ana", "back with ana");
        await server.ActOkAsync(id, "accept", "ana");
        var developing = await MoveOkAsync(server, id, new { status = "in_development", operatorId = "ana", taskKey = "DEV-42", until = clock.GetUtcNow().AddDays(3) });
        Assert.Equal("DEV-42", developing.TaskKey);
        await MoveOkAsync(server, id, new { status = "queued", operatorId = "ana", note = "DEV-42 shipped" });
        await server.WaitForContactAsync(id, c => c.Status == ContactStatus.Offered && c.OperatorId == "ana", "back with ana");
        await server.ActOkAsync(id, "accept", "ana");
        var proposed = await MoveOkAsync(server, id, new { status = "solution_proposed", operatorId = "ana", note = "update the driver" });
        Assert.NotNull(proposed.FollowUpAt);

        var closed = await MoveOkAsync(server, id, new { status = "confirmed", customerId = "cust-1" });

        Assert.Equal(ContactStatus.Confirmed, closed.Status);
        Assert.Null(closed.FollowUpAt);
        Assert.Empty(closed.Sla);
        Assert.Equal(
            ["offered", "in_progress", "waiting_for_customer", "offered", "in_progress", "postponed", "offered", "in_progress", "in_development", "offered", "in_progress", "solution_proposed", "confirmed"],
            closed.History.Select(change => Name(change.Status)));
        Assert.Equal("cust-1", closed.History[^1].By);
        Assert.Empty((await server.GetOperatorAsync("ana")).Contacts);
    }

    [Theory]
    [InlineData("confirmed")]
    [InlineData("rejected")]
    public async Task AnOperatorCannotCloseOrRejectATicketAndIsToldWhatIsAllowed(string status)
    {
        await using var server = await HelpdeskServer.StartAsync();
        var id = await InProgressWithAnaAsync(server);

        using var response = await server.MoveAsync(id, new { status, operatorId = "ana" });

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Contains("Allowed: waiting_for_customer, postponed, in_development, solution_proposed, escalated", ProblemAssert.Detail(problem), StringComparison.Ordinal);
        Assert.Equal(ContactStatus.InProgress, (await server.GetContactAsync(id)).Status);
    }

    [Fact]
    public async Task ACustomerCannotConfirmATicketWhoseSolutionWasNotProposed()
    {
        await using var server = await HelpdeskServer.StartAsync();
        var id = await InProgressWithAnaAsync(server);
        await MoveOkAsync(server, id, new { status = "waiting_for_customer", operatorId = "ana" });

        using var response = await server.MoveAsync(id, new { status = "confirmed", customerId = "cust-1" });

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Contains("Allowed: queued", ProblemAssert.Detail(problem), StringComparison.Ordinal);
        Assert.Equal(ContactStatus.WaitingForCustomer, (await server.GetContactAsync(id)).Status);
    }

    [Fact]
    public async Task AnotherOperatorOrCustomerCannotMoveTheTicket()
    {
        await using var server = await HelpdeskServer.StartAsync();
        var id = await InProgressWithAnaAsync(server, ("bo", "l1"));

        using var byBo = await server.MoveAsync(id, new { status = "solution_proposed", operatorId = "bo" });
        await MoveOkAsync(server, id, new { status = "solution_proposed", operatorId = "ana" });
        using var byStranger = await server.MoveAsync(id, new { status = "confirmed", customerId = "cust-2" });

        await ProblemAssert.IsProblemAsync(byBo, HttpStatusCode.Conflict);
        await ProblemAssert.IsProblemAsync(byStranger, HttpStatusCode.Conflict);
        Assert.Equal(ContactStatus.SolutionProposed, (await server.GetContactAsync(id)).Status);
    }

    [Fact]
    public async Task ARejectedSolutionReopensTheTicketToTheSameOperator()
    {
        await using var server = await HelpdeskServer.StartAsync();
        var id = await InProgressWithAnaAsync(server, ("bo", "l1"));
        await MoveOkAsync(server, id, new { status = "solution_proposed", operatorId = "ana" });

        await MoveOkAsync(server, id, new { status = "rejected", customerId = "cust-1", note = "still broken" });

        var reopened = await server.WaitForContactAsync(id, c => c.Status == ContactStatus.Offered, "offered again");
        Assert.Equal("ana", reopened.OperatorId);
        Assert.Equal(["solution_proposed", "rejected", "offered"], reopened.History.TakeLast(3).Select(change => Name(change.Status)));
        Assert.Equal("still broken", reopened.History[^2].Note);
    }

    [Fact]
    public async Task EscalatingMovesTheTicketToTheNextLineAndFreesTheOperator()
    {
        await using var server = await HelpdeskServer.StartAsync();
        var id = await InProgressWithAnaAsync(server, ("sam", "l2"));

        await MoveOkAsync(server, id, new { status = "escalated", operatorId = "ana", note = "needs a specialist" });

        var escalated = await server.WaitForContactAsync(id, c => c.Status == ContactStatus.Offered && c.OperatorId == "sam", "offered to sam at l2");
        Assert.Equal("l2", Name(escalated.Line));
        Assert.Empty((await server.GetOperatorAsync("ana")).Contacts);
    }

    [Fact]
    public async Task PostponingNeedsAFutureTimeAndDevelopmentATaskKey()
    {
        await using var server = await HelpdeskServer.StartAsync();
        var id = await InProgressWithAnaAsync(server);

        using var noTime = await server.MoveAsync(id, new { status = "postponed", operatorId = "ana" });
        using var noKey = await server.MoveAsync(id, new { status = "in_development", operatorId = "ana", until = DateTimeOffset.UtcNow.AddDays(1) });
        using var twoActors = await server.MoveAsync(id, new { status = "solution_proposed", operatorId = "ana", customerId = "cust-1" });

        Assert.Equal(["until"], (await ProblemAssert.NamesFieldsAsync(noTime, HttpStatusCode.UnprocessableEntity)).Keys);
        Assert.Equal(["taskKey"], (await ProblemAssert.NamesFieldsAsync(noKey, HttpStatusCode.UnprocessableEntity)).Keys);
        Assert.Contains("operatorId", (await ProblemAssert.NamesFieldsAsync(twoActors, HttpStatusCode.BadRequest)).Keys);
        Assert.Equal(ContactStatus.InProgress, (await server.GetContactAsync(id)).Status);
    }

    [Fact]
    public async Task TheCustomerRatesAClosedTicketOnce()
    {
        await using var server = await HelpdeskServer.StartAsync();
        var id = await InProgressWithAnaAsync(server);
        await MoveOkAsync(server, id, new { status = "solution_proposed", operatorId = "ana" });
        using var tooEarly = await server.PostAsync($"/api/contacts/{id}/feedback", new { customerId = "cust-1", score = 5 });
        await MoveOkAsync(server, id, new { status = "confirmed", customerId = "cust-1" });
        using var outOfRange = await server.PostAsync($"/api/contacts/{id}/feedback", new { customerId = "cust-1", score = 6 });

        var rated = await server.PostOkAsync<ContactSnapshot>($"/api/contacts/{id}/feedback", new { customerId = "cust-1", score = 4, like = true, comment = "quick" });
        using var again = await server.PostAsync($"/api/contacts/{id}/feedback", new { customerId = "cust-1", score = 1 });

        await ProblemAssert.IsProblemAsync(tooEarly, HttpStatusCode.Conflict);
        Assert.Equal(["score"], (await ProblemAssert.NamesFieldsAsync(outOfRange, HttpStatusCode.BadRequest)).Keys);
        Assert.Equal((4, true, "quick"), (rated.Feedback!.Score, rated.Feedback.Like, rated.Feedback.Comment));
        await ProblemAssert.IsProblemAsync(again, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task ACallerWhoGivesUpWhileWaitingClosesTheTicketIsCountedAndIsCalledBack()
    {
        await using var server = await HelpdeskServer.StartAsync();
        await server.CreateDepartmentAsync("support");
        var receipt = await server.CreateContactAsync("cust-9", "support", "phone");
        Assert.Equal(ContactStatus.Queued, receipt.Status);

        var abandoned = await MoveOkAsync(server, receipt.Id, new { status = "abandoned", customerId = "cust-9" });

        Assert.Equal(ContactStatus.Abandoned, abandoned.Status);
        var department = await Eventually.ReadAsync(
            () => server.GetOkAsync<Grains.Departments.DepartmentSnapshot>("/api/departments/support"),
            d => d.Load.Abandoned == 1,
            "support to count the call given up",
            d => $"{d.Load.Abandoned} abandoned");
        Assert.Equal((1, 1.0), (department.Queue.Count, department.Load.Abandonment));
        Assert.StartsWith(receipt.Id, department.Queue.Single().ContactId, StringComparison.Ordinal);
        var missed = await server.GetOkAsync<Grains.Tickets.MissedCallRecord>($"/api/calls/missed/{receipt.Id}-missed");
        Assert.NotNull(missed.Callback);
        Assert.Equal(ContactStatus.Queued, (await server.GetContactAsync(missed.Callback)).Status);
        using var again = await server.MoveAsync(receipt.Id, new { status = "abandoned", customerId = "cust-9" });
        await ProblemAssert.IsProblemAsync(again, HttpStatusCode.Conflict);
    }

    /// <summary>A contact of cust-1 in support that ana (l1, at work first) has accepted; <paramref name="colleagues"/> at work too.</summary>
    private static async Task<string> InProgressWithAnaAsync(HelpdeskServer server, params (string Id, string Line)[] colleagues)
    {
        await server.CreateDepartmentAsync("support");
        await server.StartShiftAsync("ana", "l1", "support");
        foreach (var (colleague, line) in colleagues)
        {
            await server.StartShiftAsync(colleague, line, "support");
        }

        var receipt = await server.CreateContactAsync("cust-1", "support");
        Assert.Equal("ana", receipt.OperatorId);
        await server.ActOkAsync(receipt.Id, "accept", "ana");
        return receipt.Id;
    }

    private static async Task<ContactSnapshot> MoveOkAsync(HelpdeskServer server, string id, object body)
    {
        using var response = await server.MoveAsync(id, body);
        return await HelpdeskServer.ReadOkAsync<ContactSnapshot>(response);
    }

    private static string Name<T>(T value)
        where T : struct, Enum => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
}
