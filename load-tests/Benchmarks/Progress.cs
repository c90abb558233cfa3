using System.Diagnostics;

namespace Helpdesk.Benchmarks;

/// <summary>Tells on standard error what the run is doing, so a long run is never silent.</summary>
internal static class Progress
{
    private static readonly long Started = Stopwatch.GetTimestamp();

    public static void Report(string suite, string message) =>
        Console.Error.WriteLine($"[{Stopwatch.GetElapsedTime(Started).TotalSeconds,6:F1} s] {suite}: {message}");
}
