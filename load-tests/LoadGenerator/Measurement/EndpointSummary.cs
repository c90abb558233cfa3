namespace Helpdesk.LoadGenerator.Measurement;

/// <summary>One endpoint's figures over a run: attempts by outcome, operations given up after every retry, throughput and latency.</summary>
/// <param name="Endpoint">Method and route, e.g. <c>POST /api/contacts</c>.</param>
/// <param name="Requests">Attempts sent, retries included.</param>
/// <param name="Ok">Answered 2xx.</param>
/// <param name="Refused">Answered 4xx.</param>
/// <param name="Failed">Answered 5xx, or no answer.</param>
/// <param name="GaveUp">Operations that still had no answer other than a failure when their retries ran out.</param>
/// <param name="PerSecond">Attempts answered per second, over the span from the endpoint's first attempt to its last.</param>
/// <param name="Latency">Of the attempts answered (2xx and 4xx), from sending to the whole body read.</param>
/// <param name="LongestOperation">The longest an operation took from its first attempt to its answer, retries included.</param>
internal sealed record EndpointSummary(string Endpoint, long Requests, long Ok, long Refused, long Failed, long GaveUp, double PerSecond, LatencyFigures Latency, TimeSpan LongestOperation);
