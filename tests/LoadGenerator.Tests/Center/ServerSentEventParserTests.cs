using Helpdesk.LoadGenerator.Center;

namespace Helpdesk.LoadGenerator.Tests.Center;

public sealed class ServerSentEventParserTests
{
    [Fact]
    public void ABlankLineCompletesAnEventWithItsIdTypeAndData()
    {
        var events = Feed(": connected", "", "id: 17", "event: offer", "data: {\"id\":17}", "", ": keep-alive", "");

        Assert.Equal(new ServerSentEvent("17", "offer", "{\"id\":17}"), Assert.Single(events));
    }

    [Fact]
    public void DataOnSeveralLinesIsJoinedWithLineBreaks() =>
        Assert.Equal("a\nb", Assert.Single(Feed("data: a", "data:b", "")).Data);

    [Fact]
    public void AnEventWithoutATypeIsAMessage() =>
        Assert.Equal("message", Assert.Single(Feed("data: x", "")).Type);

    [Fact]
    public void EventsFollowOneAnother()
    {
        var events = Feed("id: 1", "event: presence", "data: p", "", "id: 2", "event: offer", "data: o", "");

        Assert.Equal([("1", "presence"), ("2", "offer")], events.Select(e => (e.Id, e.Type)));
    }

    private static List<ServerSentEvent> Feed(params string[] lines)
    {
        var parser = new ServerSentEventParser();
        return [.. lines.Select(parser.Feed).OfType<ServerSentEvent>()];
    }
}
