using System.Globalization;
using System.Net;
using Helpdesk.Api.Tests.Departments;

namespace Helpdesk.Api.Tests.Broadcasts;

/// <summary>Broadcasts refused field by field, over real HTTP.</summary>
/// <remarks>Every test here is refused or only reads, so they share one server that never gains a broadcast.</remarks>
public sealed class BroadcastValidationTests(SharedServer shared) : IClassFixture<SharedServer>
{
    private HelpdeskServer Server => shared.Server;

    /// <remarks>
    /// Times are written as tokens and filled in when the test runs, against the server's clock: <c>@soon</c> is an
    /// hour from now, <c>@later</c> two hours, <c>@past</c> an hour ago, <c>@longAgo</c> two hours ago, <c>@tooFar</c>
    /// more than a year ahead.
    /// </remarks>
    [Theory]
    [InlineData("""{"message":"m","end":"@soon"}""", "scope")]
    [InlineData("""{"scope":"galaxy","message":"m","end":"@soon"}""", "scope")]
    [InlineData("""{"scope":"department","message":"m","end":"@soon"}""", "department")]
    [InlineData("""{"scope":"department","department":"two words","message":"m","end":"@soon"}""", "department")]
    [InlineData("""{"scope":"department","department":"nowhere","message":"m","end":"@soon"}""", "department")]
    [InlineData("""{"scope":"all","department":"billing","message":"m","end":"@soon"}""", "department")]
    [InlineData("""{"scope":"topic","message":"m","end":"@soon"}""", "topic")]
    [InlineData("""{"scope":"topic","topic":"  ","message":"m","end":"@soon"}""", "topic")]
    [InlineData("""{"scope":"department","department":"billing","topic":"Invoices","message":"m","end":"@soon"}""", "topic")]
    [InlineData("""{"scope":"all","end":"@soon"}""", "message")]
    [InlineData("""{"scope":"all","message":"","end":"@soon"}""", "message")]
    [InlineData("""{"scope":"all","message":"bell\u0007","end":"@soon"}""", "message")]
    [InlineData("""{"scope":"all","message":"m"}""", "end")]
    [InlineData("""{"scope":"all","message":"m","end":"tomorrow"}""", "end")]
    [InlineData("""{"scope":"all","message":"m","start":"@later","end":"@soon"}""", "end")]
    [InlineData("""{"scope":"all","message":"m","start":"@soon","end":"@soon"}""", "end")]
    [InlineData("""{"scope":"all","message":"m","start":"@longAgo","end":"@past"}""", "end")]
    [InlineData("""{"scope":"all","message":"m","end":"@tooFar"}""", "end")]
    public async Task AnInvalidBroadcastIsRefusedNamingTheFieldAtFault(string body, string field)
    {
        using var response = await Server.PostRawJsonAsync("/api/broadcasts", WithTimes(body));

        var errors = await ProblemAssert.NamesFieldsAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal([field], errors.Keys);
        Assert.Empty(await Server.ListBroadcastsAsync());
    }

    [Fact]
    public async Task AnEmptyBroadcastIsRefusedNamingEveryMissingField()
    {
        using var response = await Server.PostRawJsonAsync("/api/broadcasts", "{}");

        var errors = await ProblemAssert.NamesFieldsAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(["end", "message", "scope"], errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task AnEndInThePastIsRefusedAsSuchEvenWithTheStartLeftToNow()
    {
        using var response = await Server.PostAsync("/api/broadcasts", BroadcastApi.ToAll(DateTimeOffset.UtcNow.AddHours(-1)));

        var errors = await ProblemAssert.NamesFieldsAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(["Must be in the future: a broadcast that is over cannot be announced."], errors["end"]);
    }

    [Fact]
    public async Task AMessageOfMoreThanAThousandCharactersIsRefused()
    {
        using var response = await Server.PostAsync("/api/broadcasts", new { scope = "all", message = new string('x', 1001), end = DateTimeOffset.UtcNow.AddHours(1) });

        var errors = await ProblemAssert.NamesFieldsAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(["At most 1000 characters."], errors["message"]);
    }

    [Fact]
    public async Task AnEmptyIdempotencyKeyIsRefusedNamingTheHeader()
    {
        using var response = await Server.PostBroadcastAsync(BroadcastApi.ToAll(DateTimeOffset.UtcNow.AddHours(1)), " ");

        var errors = await ProblemAssert.NamesFieldsAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(["Idempotency-Key"], errors.Keys);
    }

    [Fact]
    public async Task AListFilterThatIsNotTrueOrFalseIsRefusedAsProblemDetails()
    {
        using var response = await Server.Client.GetAsync(new Uri("/api/broadcasts?active=maybe", UriKind.Relative));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task ATopicOfMoreThanFiveHundredCharactersIsRefusedAtEntry()
    {
        using var response = await Server.Client.GetAsync(new Uri($"/api/customers/cust-1/entry?channel=phone&topic={new string('x', 501)}", UriKind.Relative));

        var errors = await ProblemAssert.NamesFieldsAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(["topic"], errors.Keys);
    }

    private static string WithTimes(string body)
    {
        var now = DateTimeOffset.UtcNow;
        foreach (var (token, at) in new[]
        {
            ("@soon", now.AddHours(1)), ("@later", now.AddHours(2)), ("@past", now.AddHours(-1)), ("@longAgo", now.AddHours(-2)), ("@tooFar", now.AddDays(400)),
        })
        {
            body = body.Replace(token, at.ToString("O", CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }

        return body;
    }
}
