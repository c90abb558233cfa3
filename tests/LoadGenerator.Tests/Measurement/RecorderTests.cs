using System.Diagnostics;
using Helpdesk.LoadGenerator.Measurement;

namespace Helpdesk.LoadGenerator.Tests.Measurement;

public sealed class RecorderTests
{
    [Fact]
    public void AttemptsCountPerEndpointByOutcomeAndAnswersMakeTheLatency()
    {
        var recorder = new Recorder();
        var now = Stopwatch.GetTimestamp();
        recorder.Attempt("GET /a", 0, now - Ticks(2), now, Outcome.Ok);
        recorder.Attempt("GET /a", 0, now - Ticks(4), now, Outcome.Refused);
        recorder.Attempt("GET /a", 1, now - Ticks(900), now, Outcome.Failed, "HTTP 503");
        recorder.Operation("GET /a", gaveUp: true, TimeSpan.FromSeconds(3));

        var summary = Assert.Single(recorder.Summaries());
        Assert.Equal(("GET /a", 3L, 1L, 1L, 1L, 1L), (summary.Endpoint, summary.Requests, summary.Ok, summary.Refused, summary.Failed, summary.GaveUp));
        Assert.Equal(4, summary.Latency.Max, precision: 3);
        Assert.Equal(TimeSpan.FromSeconds(3), summary.LongestOperation);
    }

    [Fact]
    public void OnlyTheLoadBetweenTheZeroAndTheEndOfTheTimelineIsCountedPerSecond()
    {
        var recorder = new Recorder();
        var before = Stopwatch.GetTimestamp();
        recorder.Attempt("POST /set-up", 0, before, before, Outcome.Ok);
        recorder.MarkZero();
        var during = Stopwatch.GetTimestamp();
        recorder.Attempt("POST /load", 0, during, during, Outcome.Ok);
        recorder.Attempt("POST /load", 0, during, during, Outcome.Failed);
        recorder.ContactCreated();
        recorder.EndTimeline();
        recorder.Attempt("GET /check", 0, during, Stopwatch.GetTimestamp(), Outcome.Ok);

        var second = Assert.Single(recorder.Seconds());
        Assert.Equal((0, 1, 0, 1, 1), (second.Second, second.Ok, second.Refused, second.Failed, second.ContactsCreated));
        Assert.Equal(3, recorder.Summaries().Count);
        Assert.Single(recorder.Failures);
    }

    private static long Ticks(double milliseconds) => (long)(milliseconds * Stopwatch.Frequency / 1000);
}
