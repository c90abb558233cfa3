namespace Helpdesk.Simulator.Model;

/// <summary>Who calls: shares of customers rated literate or difficult, and how much second-line work their contacts need.</summary>
/// <param name="Customers">How many customers call, each as often as the others.</param>
/// <param name="Literate">The share rated technically literate (literacy 5 by two specialists).</param>
/// <param name="Difficult">The share rated difficult (temperament 1 by two specialists).</param>
/// <param name="NeedsSpecialist">The share of other customers' contacts the first line cannot solve and passes on.</param>
/// <param name="LiterateNeedsSpecialist">The share of literate customers' contacts only a specialist can solve.</param>
public sealed record CustomerMix(int Customers, double Literate, double Difficult, double NeedsSpecialist, double LiterateNeedsSpecialist)
{
    /// <summary>Customers nobody has rated: everyone starts at the first line and is treated alike.</summary>
    public static CustomerMix Unrated { get; } = new(1, 0, 0, 0, 0);
}
