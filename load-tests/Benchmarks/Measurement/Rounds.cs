namespace Helpdesk.Benchmarks.Measurement;

/// <summary>Warms every subject up, then measures them in interleaved rounds (A B A B ...), so a burst of load from
/// elsewhere on the machine lands on both sides instead of on one.</summary>
internal static class Rounds
{
    /// <param name="suite">The suite name for progress lines.</param>
    /// <param name="subjects">The sides to compare, measured in this order within each round.</param>
    /// <param name="measure">One run of a subject for a given time.</param>
    /// <param name="describe">A progress line's summary of one run.</param>
    /// <param name="options">Warm-up time, measured time and number of rounds.</param>
    /// <param name="cancellationToken">Aborts the runs when the whole benchmark is out of time.</param>
    public static async Task<RoundResults<T>[]> RunAsync<T>(
        string suite,
        IReadOnlyList<Subject> subjects,
        Func<Subject, TimeSpan, Task<T>> measure,
        Func<T, string> describe,
        BenchmarkOptions options,
        CancellationToken cancellationToken)
    {
        foreach (var subject in subjects)
        {
            Progress.Report(suite, $"warming up {subject.Name} for {options.Warmup.TotalSeconds:0.#} s");
            await measure(subject, options.Warmup);
        }

        var results = subjects.Select(_ => new List<T>()).ToArray();
        for (var round = 1; round <= options.Rounds; round++)
        {
            for (var i = 0; i < subjects.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var gc = GcWindow.Start();
                var result = await measure(subjects[i], options.Duration);
                results[i].Add(result);
                Progress.Report(suite, $"round {round}/{options.Rounds}, {subjects[i].Name}: {describe(result)}; {gc}");
            }
        }

        return [.. subjects.Select((subject, i) => new RoundResults<T>(subject.Name, results[i]))];
    }
}
