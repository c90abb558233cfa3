using System.Net;
using Helpdesk.Api.Tests.Departments;
using Helpdesk.Grains.Karma;
using Helpdesk.Grains.Routing;

namespace Helpdesk.Api.Tests.Customers;

/// <summary>Customer requests refused, or about customers never seen, over real HTTP.</summary>
/// <remarks>Every test here is refused or only reads, so they share one server on which no customer is ever known.</remarks>
public sealed class CustomerValidationTests(SharedServer shared) : IClassFixture<SharedServer>
{
    private HelpdeskServer Server => shared.Server;

    [Fact]
    public async Task AnUnknownCustomerIsNotFound()
    {
        using var response = await Server.Client.GetAsync(new Uri("/api/customers/nobody", UriKind.Relative));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AnUnknownCustomerEntersOnTheFirstLine()
    {
        var entry = await Server.GetOkAsync<EntryDecision>("/api/customers/nobody/entry?channel=phone&department=support");

        Assert.Equal(Line.L1, entry.Line);
        Assert.False(entry.OperatorRightAway);
        Assert.False(entry.SkipFirstLine);
        Assert.Equal("support", entry.Department);
        Assert.Contains("first line", entry.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/customers/nobody/entry")]
    [InlineData("/api/customers/nobody/entry?channel=fax")]
    [InlineData("/api/customers/nobody/entry?channel=7")]
    [InlineData("/api/customers/nobody/entry?channel=PHONE")]
    public async Task AnEntryWithoutAKnownChannelIsABadRequestNamingTheChannel(string path)
    {
        using var response = await Server.Client.GetAsync(new Uri(path, UriKind.Relative));

        var errors = await ProblemAssert.NamesFieldsAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(["channel"], errors.Keys);
    }

    [Fact]
    public async Task ARatingWithoutItsFieldsIsABadRequestNamingEachOne()
    {
        using var response = await Server.PostRawJsonAsync("/api/customers/cust-1/ratings", "{}");

        var errors = await ProblemAssert.NamesFieldsAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(["contactId", "literacy", "operatorId", "temperament"], errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ARatingOfAnUnknownContactIsUnprocessableNamingTheContact()
    {
        using var response = await Server.PostAsync("/api/customers/cust-1/ratings", new { operatorId = "ana", contactId = "c-nothing", literacy = 3, temperament = 3 });

        var errors = await ProblemAssert.NamesFieldsAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["contactId"], errors.Keys);
        using var lookup = await Server.Client.GetAsync(new Uri("/api/customers/cust-1", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, lookup.StatusCode);
    }

    [Fact]
    public async Task ExcludingAnUnknownOperatorIsABadRequestNamingTheOperator()
    {
        using var response = await Server.PostAsync("/api/customers/cust-1/exclusions", new { operatorId = "ghost" });

        var errors = await ProblemAssert.NamesFieldsAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(["operatorId"], errors.Keys);
        using var lookup = await Server.Client.GetAsync(new Uri("/api/customers/cust-1", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, lookup.StatusCode);
    }
}
