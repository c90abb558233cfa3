using System.Net;
using Helpdesk.Api.Tests.Contacts;
using Helpdesk.Api.Tests.Departments;
using Helpdesk.Api.Tests.Operators;
using Helpdesk.Grains.Customers;
using Helpdesk.Grains.Routing;

namespace Helpdesk.Api.Tests.Customers;

/// <summary>Operators rate the customers whose contacts they handled, over real HTTP.</summary>
public sealed class CustomerRatingTests
{
    [Fact]
    public async Task AnOperatorWhoHandledTheContactRatesItsCustomerAndGetsTheKarma()
    {
        await using var server = await HelpdeskServer.StartAsync();
        var contactId = await HandledByAnaAsync(server);

        var rated = await server.PostOkAsync<CustomerSnapshot>("/api/customers/cust-1/ratings", new { operatorId = "ana", contactId, literacy = 5, temperament = 2 });

        Assert.Equal("cust-1", rated.Id);
        Assert.Equal(1, rated.Karma.Ratings);
        Assert.True(rated.Karma.Literacy.Score > 3, $"Literacy {rated.Karma.Literacy.Score} did not rise above neutral after a 5.");
        Assert.True(rated.Karma.Temperament.Score < 3, $"Temperament {rated.Karma.Temperament.Score} did not fall below neutral after a 2.");
        Assert.InRange(rated.Karma.Literacy.Confidence, 0.01, 0.99);
        var rating = Assert.Single(rated.Ratings);
        Assert.Equal(("ana", contactId, Line.L1, 5, 2), (rating.OperatorId, rating.ContactId, rating.RaterLine, rating.Literacy, rating.Temperament));
        var stored = await server.GetOkAsync<CustomerSnapshot>("/api/customers/cust-1");
        Assert.Equal(rated.Karma.Literacy.Score, stored.Karma.Literacy.Score, 3);
        Assert.Equal(1, stored.Karma.Ratings);
    }

    [Fact]
    public async Task AnOperatorWhoDidNotHandleTheContactCannotRateItsCustomer()
    {
        await using var server = await HelpdeskServer.StartAsync();
        var contactId = await HandledByAnaAsync(server);
        await server.StartShiftAsync("bo", "l1", "support");

        using var response = await server.PostAsync("/api/customers/cust-1/ratings", new { operatorId = "bo", contactId, literacy = 1, temperament = 1 });

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Empty((await server.GetOkAsync<CustomerSnapshot>("/api/customers/cust-1")).Ratings);
    }

    [Fact]
    public async Task AnOperatorOfferedTheContactButNeverAcceptingItCannotRateItsCustomer()
    {
        await using var server = await HelpdeskServer.StartAsync();
        await server.CreateDepartmentAsync("support");
        await server.StartShiftAsync("ana", "l1", "support");
        var receipt = await server.CreateContactAsync("cust-1", "support");

        using var response = await server.PostAsync("/api/customers/cust-1/ratings", new { operatorId = "ana", contactId = receipt.Id, literacy = 3, temperament = 3 });

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task AnOperatorRatesACustomerOnlyOncePerContact()
    {
        await using var server = await HelpdeskServer.StartAsync();
        var contactId = await HandledByAnaAsync(server);
        await server.PostOkAsync<CustomerSnapshot>("/api/customers/cust-1/ratings", new { operatorId = "ana", contactId, literacy = 5, temperament = 5 });

        using var response = await server.PostAsync("/api/customers/cust-1/ratings", new { operatorId = "ana", contactId, literacy = 1, temperament = 1 });

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Contains("already rated", ProblemAssert.Detail(problem), StringComparison.Ordinal);
        var rating = Assert.Single((await server.GetOkAsync<CustomerSnapshot>("/api/customers/cust-1")).Ratings);
        Assert.Equal(5, rating.Literacy);
    }

    [Fact]
    public async Task AContactOfAnotherCustomerCannotBeUsedToRateThisOne()
    {
        await using var server = await HelpdeskServer.StartAsync();
        var contactId = await HandledByAnaAsync(server);

        using var response = await server.PostAsync("/api/customers/cust-2/ratings", new { operatorId = "ana", contactId, literacy = 1, temperament = 1 });

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict);
        using var lookup = await server.Client.GetAsync(new Uri("/api/customers/cust-2", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, lookup.StatusCode);
    }

    [Theory]
    [InlineData(0, 3, "literacy")]
    [InlineData(6, 3, "literacy")]
    [InlineData(3, 0, "temperament")]
    [InlineData(3, 6, "temperament")]
    public async Task ARatingOutOfRangeIsABadRequestNamingTheScale(int literacy, int temperament, string field)
    {
        await using var server = await HelpdeskServer.StartAsync();
        var contactId = await HandledByAnaAsync(server);

        using var response = await server.PostAsync("/api/customers/cust-1/ratings", new { operatorId = "ana", contactId, literacy, temperament });

        var errors = await ProblemAssert.NamesFieldsAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal([field], errors.Keys);
        Assert.Empty((await server.GetOkAsync<CustomerSnapshot>("/api/customers/cust-1")).Ratings);
    }

    /// <summary>A contact of <c>cust-1</c> that <c>ana</c> accepted.</summary>
    private static async Task<string> HandledByAnaAsync(HelpdeskServer server)
    {
        await server.CreateDepartmentAsync("support");
        await server.StartShiftAsync("ana", "l1", "support");
        var receipt = await server.CreateContactAsync("cust-1", "support");
        await server.ActOkAsync(receipt.Id, "accept", "ana");
        return receipt.Id;
    }
}
