using Helpdesk.LoadGenerator.Options;

namespace Helpdesk.LoadGenerator.Measurement;

/// <summary>What the run's fault was and what followed it.</summary>
/// <param name="Fault">What went wrong.</param>
/// <param name="At">When, from the first arrival.</param>
/// <param name="Silo">The silo it befell (its index in the pool), or <see langword="null"/> when it befell PostgreSQL.</param>
/// <param name="Events">What followed, in order, a few words each.</param>
/// <param name="Findings">What followed that should not have: a paused silo that went on after it was declared dead, a silo that stopped by itself when PostgreSQL restarted.</param>
internal sealed record FaultOutcome(Fault Fault, TimeSpan At, int? Silo, IReadOnlyList<string> Events, IReadOnlyList<string> Findings)
{
    /// <summary>The fault in a few words: "silo3 killed with SIGKILL".</summary>
    public string Describe() => Fault switch
    {
        Fault.Kill => $"{SiloName} killed with SIGKILL",
        Fault.Pause => $"{SiloName} paused with SIGSTOP",
        Fault.Stop => $"{SiloName} stopped with SIGTERM",
        Fault.RestartDatabase => "PostgreSQL restarted",
        _ => "nothing",
    };

    private string SiloName => $"silo{Silo + 1}";
}
