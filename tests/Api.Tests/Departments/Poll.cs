namespace Helpdesk.Api.Tests.Departments;

/// <summary>Waits for what a one-way notification brings about, by reading again until it shows or a deadline passes.</summary>
internal static class Poll
{
    /// <summary>How long a test waits for a one-way notification to take effect.</summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(20);

    /// <summary>Reads until <paramref name="done"/> holds; fails saying what was expected and what was last seen.</summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> done, string expectation, Func<T, string> describe)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(done);
        ArgumentNullException.ThrowIfNull(describe);
        var deadline = DateTimeOffset.UtcNow + Deadline;
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
                Assert.Fail($"Expected {expectation} within {Deadline.TotalSeconds} s; last seen: {describe(value)}.");
            }

            await interval.WaitForNextTickAsync();
        }
    }
}
