using System.Net;
using Helpdesk.Api.Tests.Contacts;
using Helpdesk.Api.Tests.Departments;
using Helpdesk.Api.Tests.Operators;
using Helpdesk.Grains.Contacts;
using Helpdesk.Grains.Routing;
using Helpdesk.Grains.Tickets;
using Helpdesk.Testing;

namespace Helpdesk.Api.Tests.Tickets;

/// <summary>The missed-call regulation over real HTTP, case by case, on a department working Monday to Friday, 09:00–18:00 UTC.</summary>
public sealed class MissedCallTests
{
    private static readonly object OfficeHours = new
    {
        calendar = new
        {
            timeZone = "UTC",
            week = new[] { "monday", "tuesday", "wednesday", "thursday", "friday" }.Select(day => new { day, start = "09:00", end = "18:00" }),
            holidays = new[] { "2026-01-07" },
        },
    };

    [Fact]
    public async Task ACustomerReachedSinceTheCallClosesItWithALinkAndTheTicketsTopic()
    {
        var clock = new ManualTimeProvider();
        await using var server = await StartAsync(clock);
        var missedAt = clock.GetUtcNow();
        await server.AdvanceAsync(TimeSpan.FromMinutes(5));
        var ticket = await server.PostOkAsync<ContactReceipt>("/api/contacts", new { customerId = "cust-1", channel = "chat", topic = "Router keeps rebooting", department = "support" });

        var missed = await RegisterAsync(server, new { id = "call-1", customerId = "cust-1", at = missedAt, department = "support" });

        Assert.Equal((ticket.Id, (string?)null, "Router keeps rebooting"), (missed.LinkedTo, missed.Callback, missed.Topic));
        Assert.Contains("call-1", (await server.GetContactAsync(ticket.Id)).Links);
    }

    [Fact]
    public async Task ACustomerNotReachedGetsAPhoneCallbackNowFromTheOperatorTheCallWasFor()
    {
        var clock = new ManualTimeProvider();
        await using var server = await StartAsync(clock);
        await server.StartShiftAsync("bo", "l1", "support");
        await server.StartShiftAsync("ana", "l1", "support");
        var missedAt = clock.GetUtcNow();
        await server.AdvanceAsync(TimeSpan.FromHours(1));

        var missed = await RegisterAsync(server, new { id = "call-2", customerId = "cust-2", at = missedAt, department = "support", operatorId = "ana" });

        Assert.Null(missed.LinkedTo);
        Assert.Equal((Channel.Phone, clock.GetUtcNow()), (missed.Channel, missed.DueAt));
        var callback = await server.WaitForContactAsync(missed.Callback!, c => c.Status == ContactStatus.Offered, "offered");
        Assert.Equal("ana", callback.OperatorId);
        Assert.Contains("call-2", callback.Links);
    }

    [Fact]
    public async Task ACallbackForNobodyInParticularWaitsInTheQueueWhereTheHeadAssignsIt()
    {
        var clock = new ManualTimeProvider();
        await using var server = await StartAsync(clock);
        await server.StartShiftAsync("ana", "l1", "support");
        await server.StartShiftAsync("bo", "l1", "support");
        await server.SetPresenceAsync("ana", "break");
        await server.SetPresenceAsync("bo", "break");
        var missed = await RegisterAsync(server, new { customerId = "cust-7", at = clock.GetUtcNow(), department = "support" });
        Assert.Equal(ContactStatus.Queued, (await server.GetContactAsync(missed.Callback!)).Status);

        using var head = await server.ClientAsAsync("supervisor", "head-of-support");
        var assigned = await HelpdeskServer.PostOkAsync<ContactSnapshot>(head, $"/api/contacts/{missed.Callback}/assign", new { operatorId = "bo" });
        await server.SetPresenceAsync("ana", "available");
        await server.SetPresenceAsync("bo", "available");

        Assert.Equal(("bo", "head-of-support"), (assigned.Owner, assigned.History[^1].By));
        var offered = await server.WaitForContactAsync(missed.Callback!, c => c.Status == ContactStatus.Offered, "offered");
        Assert.Equal("bo", offered.OperatorId);
        Assert.Empty((await server.GetOperatorAsync("ana")).Contacts);
    }

    [Fact]
    public async Task ACallOlderThanTwoWorkingDaysIsAnsweredByEMail()
    {
        // Missed on Monday, registered on Friday: Tuesday, Thursday and Friday are working days (Wednesday is a holiday).
        var clock = new ManualTimeProvider();
        await using var server = await StartAsync(clock);
        var missedAt = clock.GetUtcNow();
        await server.AdvanceAsync(TimeSpan.FromDays(4));

        var missed = await RegisterAsync(server, new { customerId = "cust-3", at = missedAt, department = "support" });

        Assert.Equal(Channel.Email, missed.Channel);
        Assert.Contains("too old", missed.Reason, StringComparison.Ordinal);
        Assert.Equal(Channel.Email, (await server.GetContactAsync(missed.Callback!)).Request.Channel);
    }

    [Fact]
    public async Task ACallMissedBeforeAHolidayIsCalledBackOnTheFirstWorkingDayAfterIt()
    {
        var clock = new ManualTimeProvider();
        await using var server = await StartAsync(clock);
        var tuesdayEvening = new DateTimeOffset(2026, 1, 6, 17, 50, 0, TimeSpan.Zero);
        await server.AdvanceAsync(tuesdayEvening - clock.GetUtcNow());
        await server.AdvanceAsync(TimeSpan.FromMinutes(30));

        var missed = await RegisterAsync(server, new { customerId = "cust-4", at = tuesdayEvening, department = "support" });

        var thursdayMorning = new DateTimeOffset(2026, 1, 8, 9, 0, 0, TimeSpan.Zero);
        Assert.Equal((Channel.Phone, thursdayMorning), (missed.Channel, missed.DueAt));
        var callback = await server.GetContactAsync(missed.Callback!);
        Assert.Equal((ContactStatus.Postponed, thursdayMorning), (callback.Status, callback.ResumeAt));
    }

    [Fact]
    public async Task RegisteringTheSameCallAgainReplaysItsRecordAndMakesNoSecondCallback()
    {
        var clock = new ManualTimeProvider();
        await using var server = await StartAsync(clock);
        var call = new { id = "call-5", customerId = "cust-5", at = clock.GetUtcNow(), department = "support" };

        var first = await RegisterAsync(server, call);
        var again = await RegisterAsync(server, call);
        using var changed = await server.PostAsync("/api/calls/missed", call with { customerId = "cust-6" });

        Assert.Equal(first, again);
        Assert.Equal(["id"], (await ProblemAssert.NamesFieldsAsync(changed, HttpStatusCode.UnprocessableEntity)).Keys);
        Assert.Equal([first.Callback!], (await server.GetOkAsync<Grains.Customers.CustomerSnapshot>("/api/customers/cust-5")).OpenContacts);
    }

    [Fact]
    public async Task ABadMissedCallIsRefusedFieldByField()
    {
        var clock = new ManualTimeProvider();
        await using var server = await StartAsync(clock);

        using var response = await server.PostAsync("/api/calls/missed", new { customerId = "", at = clock.GetUtcNow().AddMinutes(1), department = "nowhere", operatorId = "ghost" });

        var errors = await ProblemAssert.NamesFieldsAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(["at", "customerId"], errors.Keys.Order());
    }

    private static async Task<HelpdeskServer> StartAsync(ManualTimeProvider clock)
    {
        var server = await HelpdeskServer.StartAsync(time: clock);
        await server.PostOkAsync<Grains.Departments.DepartmentSnapshot>("/api/departments", new { id = "support", name = "Support", sla = OfficeHours });
        return server;
    }

    private static Task<MissedCallRecord> RegisterAsync(HelpdeskServer server, object call) => server.PostOkAsync<MissedCallRecord>("/api/calls/missed", call);
}
