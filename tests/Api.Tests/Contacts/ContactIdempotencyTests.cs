using System.Net;
using Helpdesk.Api.Tests.Departments;
using Helpdesk.Api.Tests.Operators;
using Helpdesk.Grains.Contacts;
using Helpdesk.Grains.Customers;

namespace Helpdesk.Api.Tests.Contacts;

/// <summary>An Idempotency-Key makes creating a contact safe to retry, over real HTTP.</summary>
public sealed class ContactIdempotencyTests
{
    [Fact]
    public async Task ARetryWithTheSameKeyAndBodyAnswersTheSameContactWithoutCreatingAnother()
    {
        await using var server = await HelpdeskServer.StartAsync();
        await server.CreateDepartmentAsync("support");
        await server.StartShiftAsync("ana", "l1", "support");
        var body = ContactApi.NewContact("cust-1", "support");

        using var first = await server.PostContactAsync(body, "ivr-call-17");
        using var retry = await server.PostContactAsync(body, "ivr-call-17");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        var receipt = await HelpdeskServer.ReadOkAsync<ContactReceipt>(retry);
        Assert.Equal([receipt.Id], (await server.GetOperatorAsync("ana")).Contacts.Select(held => held.ContactId));
        Assert.Equal([receipt.Id], (await server.GetOkAsync<CustomerSnapshot>("/api/customers/cust-1")).OpenContacts);
    }

    [Fact]
    public async Task ARetryAfterTheContactMovedOnStillAnswersTheOriginalOutcome()
    {
        await using var server = await HelpdeskServer.StartAsync();
        await server.CreateDepartmentAsync("support");
        await server.StartShiftAsync("ana", "l1", "support");
        var body = ContactApi.NewContact("cust-1", "support");
        using var first = await server.PostContactAsync(body, "web-form-9");
        var receipt = await HelpdeskServer.ReadOkAsync<ContactReceipt>(first);
        await server.ActOkAsync(receipt.Id, "accept", "ana");

        using var retry = await server.PostContactAsync(body, "web-form-9");

        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(receipt, await HelpdeskServer.ReadOkAsync<ContactReceipt>(retry));
        Assert.Equal(ContactStatus.InProgress, (await server.GetContactAsync(receipt.Id)).Status);
    }

    [Fact]
    public async Task TheSameKeyWithAnotherBodyIsRefusedNamingTheKey()
    {
        await using var server = await HelpdeskServer.StartAsync();
        await server.CreateDepartmentAsync("support");
        await server.StartShiftAsync("ana", "l1", "support");
        using var first = await server.PostContactAsync(ContactApi.NewContact("cust-1", "support"), "ivr-call-17");
        var receipt = await HelpdeskServer.ReadOkAsync<ContactReceipt>(first);

        using var response = await server.PostContactAsync(ContactApi.NewContact("cust-1", "support", topic: "Another matter"), "ivr-call-17");

        var errors = await ProblemAssert.NamesFieldsAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["Idempotency-Key"], errors.Keys);
        Assert.Equal("Cannot log in", (await server.GetContactAsync(receipt.Id)).Request.Topic);
        Assert.Single((await server.GetOperatorAsync("ana")).Contacts);
    }

    [Fact]
    public async Task DifferentKeysCreateDifferentContacts()
    {
        await using var server = await HelpdeskServer.StartAsync();
        await server.CreateDepartmentAsync("support");
        await server.StartShiftAsync("ana", "l1", "support");
        var body = ContactApi.NewContact("cust-1", "support");

        using var first = await server.PostContactAsync(body, "key-1");
        using var second = await server.PostContactAsync(body, "key-2");

        Assert.NotEqual((await HelpdeskServer.ReadOkAsync<ContactReceipt>(first)).Id, (await HelpdeskServer.ReadOkAsync<ContactReceipt>(second)).Id);
        Assert.Equal(2, (await server.GetOperatorAsync("ana")).Contacts.Count);
    }

    [Fact]
    public async Task ConcurrentRequestsWithOneKeyAgreeOnOneContact()
    {
        await using var server = await HelpdeskServer.StartAsync();
        await server.CreateDepartmentAsync("support");
        await server.StartShiftAsync("ana", "l1", "support");
        var body = ContactApi.NewContact("cust-1", "support");

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => server.PostContactAsync(body, "double-click")));

        try
        {
            var answers = await Task.WhenAll(responses.Select(async response => (response.StatusCode, Text: await response.Content.ReadAsStringAsync())));
            Assert.All(answers, answer => Assert.True(
                answer.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict,
                $"A concurrent request answered {(int)answer.StatusCode}: {answer.Text}"));
            Assert.All(answers.Where(answer => answer.StatusCode == HttpStatusCode.Conflict), answer => Assert.Contains("in flight", answer.Text, StringComparison.Ordinal));
            var created = answers.Where(answer => answer.StatusCode == HttpStatusCode.Created).Select(answer => answer.Text).Distinct().ToList();
            var receipt = System.Text.Json.JsonSerializer.Deserialize<ContactReceipt>(Assert.Single(created), HelpdeskServer.Json)!;
            Assert.Equal([receipt.Id], (await server.GetOperatorAsync("ana")).Contacts.Select(held => held.ContactId));
            Assert.Equal([receipt.Id], (await server.GetOkAsync<CustomerSnapshot>("/api/customers/cust-1")).OpenContacts);
        }
        finally
        {
            foreach (var response in responses)
            {
                response.Dispose();
            }
        }
    }
}
