namespace Helpdesk.Simulator.Model;

/// <summary>From <paramref name="From"/> on, contacts arrive at a Poisson rate worth <paramref name="Erlangs"/> of work.</summary>
/// <param name="From">When the step begins, from the start of the run.</param>
/// <param name="Erlangs">The offered load: arrivals per second times the mean handle time.</param>
public sealed record LoadStep(TimeSpan From, double Erlangs);
