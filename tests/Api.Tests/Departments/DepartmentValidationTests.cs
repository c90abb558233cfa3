using System.Net;
using System.Text;
using Helpdesk.Grains.Departments;

namespace Helpdesk.Api.Tests.Departments;

/// <summary>Department requests refused field by field, or before any handler sees them, over real HTTP.</summary>
/// <remarks>Every test here is refused or only reads, so they share one server that never gains a department.</remarks>
public sealed class DepartmentValidationTests(SharedServer shared) : IClassFixture<SharedServer>
{
    private HelpdeskServer Server => shared.Server;

    [Theory]
    [InlineData("""{"name":"No id"}""", "id")]
    [InlineData("""{"id":"two words"}""", "id")]
    [InlineData("""{"id":"semi;colon"}""", "id")]
    [InlineData("""{"id":"support","escalation":[{"afterSeconds":30,"action":"neighbour_department"}]}""", "escalation[0].department")]
    [InlineData("""{"id":"support","escalation":[{"afterSeconds":30,"action":"neighbour_department","department":"nowhere"}]}""", "escalation[0].department")]
    [InlineData("""{"id":"support","escalation":[{"afterSeconds":30,"action":"neighbour_department","department":"support"}]}""", "escalation[0].department")]
    [InlineData("""{"id":"support","escalation":[{"afterSeconds":60,"action":"next_line"},{"afterSeconds":30,"action":"relax_skill"}]}""", "escalation[1].afterSeconds")]
    [InlineData("""{"id":"support","escalation":[{"action":"next_line"}]}""", "escalation[0].afterSeconds")]
    [InlineData("""{"id":"support","escalation":[{"afterSeconds":30}]}""", "escalation[0].action")]
    [InlineData("""{"id":"support","serviceLevelTargetSeconds":0}""", "serviceLevelTargetSeconds")]
    [InlineData("""{"id":".."}""", "id")]
    [InlineData("""{"id":"."}""", "id")]
    [InlineData("""{"id":"support","strategy":7}""", "strategy")]
    [InlineData("""{"id":"support","strategy":"1"}""", "strategy")]
    [InlineData("""{"id":"support","strategy":"LONGEST_IDLE"}""", "strategy")]
    [InlineData("""{"id":"support","strategy":" longest_idle"}""", "strategy")]
    [InlineData("""{"id":"support","strategy":"longest_idle, round_robin"}""", "strategy")]
    [InlineData("""{"id":"support","escalation":[null]}""", "escalation[0]")]
    [InlineData("""{"id":"support","escalation":[{"afterSeconds":30,"action":1}]}""", "escalation[0].action")]
    [InlineData("""{"id":"support","sla":{"rules":[null]}}""", "sla.rules[0]")]
    [InlineData("""{"id":"support","sla":{"rules":[{"status":"queued","thresholds":[null]}]}}""", "sla.rules[0].thresholds[0]")]
    [InlineData("""{"id":"support","sla":{"rules":[{"status":2,"thresholds":[{"degree":"warning","afterSeconds":60}]}]}}""", "sla.rules[0].status")]
    public async Task AnInvalidDepartmentIsRefusedNamingTheFieldAtFault(string body, string field)
    {
        using var response = await Server.PostRawJsonAsync("/api/departments", body);

        var errors = await ProblemAssert.NamesFieldsAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal([field], errors.Keys);
        Assert.Empty(await Server.GetOkAsync<List<DepartmentSnapshot>>("/api/departments"));
    }

    [Fact]
    public async Task ANullWorkingDayIsRefusedNamingIt()
    {
        using var response = await Server.PostRawJsonAsync("/api/departments", """{"id":"support","sla":{"calendar":{"week":[null]}}}""");

        var errors = await ProblemAssert.NamesFieldsAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("sla.calendar.week[0]", errors.Keys);
        Assert.Empty(await Server.GetOkAsync<List<DepartmentSnapshot>>("/api/departments"));
    }

    [Fact]
    public async Task AnUnknownStrategyIsRefusedNamingTheStrategy()
    {
        using var response = await Server.PostRawJsonAsync("/api/departments", """{"id":"support","strategy":"fastest_typist"}""");

        var errors = await ProblemAssert.NamesFieldsAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("strategy", errors.Keys);
    }

    [Theory]
    [InlineData("text/plain", "id=support", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("application/json", """{"id":""", HttpStatusCode.BadRequest)]
    [InlineData("application/json", "", HttpStatusCode.BadRequest)]
    [InlineData("application/json", """["support"]""", HttpStatusCode.BadRequest)]
    public async Task ABodyThatIsNotADepartmentIsRefusedAsProblemDetails(string mediaType, string body, HttpStatusCode expected)
    {
        using var content = new StringContent(body, Encoding.UTF8, mediaType);

        using var response = await Server.Client.PostAsync(new Uri("/api/departments", UriKind.Relative), content);

        await ProblemAssert.IsProblemAsync(response, expected);
        Assert.Empty(await Server.GetOkAsync<List<DepartmentSnapshot>>("/api/departments"));
    }

    [Fact]
    public async Task AnUnknownDepartmentIsNotFound()
    {
        using var response = await Server.Client.GetAsync(new Uri("/api/departments/nowhere", UriKind.Relative));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }
}
