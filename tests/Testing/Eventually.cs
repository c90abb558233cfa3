namespace Helpdesk.Testing;

/// <summary>Waits for what happens out of the caller's sight (a one-way call, another process, a failover) by reading again until it shows or a real-time deadline passes.</summary>
public static class Eventually
{
    /// <summary>How long a test waits when it does not say.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(20);

    /// <summary>Reads until <paramref name="done"/> holds; fails saying what was expected and what was last seen.</summary>
    /// <param name="read">Reads the current value.</param>
    /// <param name="done">Whether the value read is the one awaited.</param>
    /// <param name="expectation">What is awaited, for the failure's message.</param>
    /// <param name="describe">How the last value read reads in the failure's message; its <c>ToString()</c> when absent.</param>
    /// <param name="patience">How long to wait; <see cref="Patience"/> when absent.</param>
    public static async Task<T> ReadAsync<T>(Func<Task<T>> read, Func<T, bool> done, string expectation, Func<T, string>? describe = null, TimeSpan? patience = null)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(done);
        var limit = patience ?? Patience;
        var deadline = DateTimeOffset.UtcNow + limit;
        using var interval = new PeriodicTimer(Interval);
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"Expected within {limit.TotalSeconds:0} s: {expectation}. Last seen: {(describe is null ? value?.ToString() : describe(value))}.");
            }

            await interval.WaitForNextTickAsync();
        }
    }

    /// <summary>Waits until <paramref name="condition"/> holds; fails saying what was expected.</summary>
    public static Task HoldsAsync(Func<Task<bool>> condition, string expectation, TimeSpan? patience = null) =>
        ReadAsync(condition, held => held, expectation, patience: patience);
}
