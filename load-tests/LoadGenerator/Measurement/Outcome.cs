namespace Helpdesk.LoadGenerator.Measurement;

/// <summary>How one HTTP attempt ended.</summary>
internal enum Outcome
{
    /// <summary>A 2xx answer.</summary>
    Ok,

    /// <summary>A 4xx answer: the API refused, as it may (an offer that lapsed, a key still in flight).</summary>
    Refused,

    /// <summary>A 5xx answer, a broken connection or no answer in time.</summary>
    Failed,
}
