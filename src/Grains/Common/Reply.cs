namespace Helpdesk.Grains.Common;

/// <summary>How a grain command ended: expected refusals are values, not exceptions.</summary>
public enum ReplyStatus
{
    /// <summary>Done.</summary>
    Ok,

    /// <summary>The grain does not exist.</summary>
    NotFound,

    /// <summary>Refused in the grain's current state; nothing changed.</summary>
    Conflict,

    /// <summary>Refused because an argument is wrong; nothing changed.</summary>
    Invalid,

    /// <summary>Refused because the caller edited a version that is no longer the current one; nothing changed.</summary>
    Stale,
}

/// <summary>A grain command's result, or why it was refused.</summary>
/// <param name="Status">How it ended.</param>
/// <param name="Value">The result when <see cref="ReplyStatus.Ok"/>.</param>
/// <param name="Error">Why it was refused, in words.</param>
/// <param name="Field">The argument at fault, for <see cref="ReplyStatus.Invalid"/>.</param>
[GenerateSerializer, Alias("helpdesk.Reply`1")]
public sealed record Reply<T>(
    [property: Id(0)] ReplyStatus Status,
    [property: Id(1)] T? Value = default,
    [property: Id(2)] string? Error = null,
    [property: Id(3)] string? Field = null)
{
    /// <summary>A successful result.</summary>
    public static Reply<T> Ok(T value) => new(ReplyStatus.Ok, value);

    /// <summary>The grain does not exist.</summary>
    public static Reply<T> NotFound(string error) => new(ReplyStatus.NotFound, Error: error);

    /// <summary>Refused in the current state.</summary>
    public static Reply<T> Conflict(string error) => new(ReplyStatus.Conflict, Error: error);

    /// <summary>Refused because the caller's <paramref name="expected"/> version is not the <paramref name="current"/> one.</summary>
    public static Reply<T> Stale(long expected, long current) =>
        new(ReplyStatus.Stale, Error: $"Changed since version {expected}: it is at version {current} now. Read it again, then send your change with If-Match: \"{current}\".");

    /// <summary>Refused because <paramref name="field"/> is wrong.</summary>
    public static Reply<T> Invalid(string field, string error) => new(ReplyStatus.Invalid, Error: error, Field: field);
}
