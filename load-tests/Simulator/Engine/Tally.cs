namespace Helpdesk.Simulator.Engine;

/// <summary>The counts one department, or the center, gathers over the measured window.</summary>
internal sealed class Tally
{
    public int Arrived { get; set; }

    public int Answered { get; set; }

    public int AnsweredWithinTarget { get; set; }

    public int Abandoned { get; set; }

    public double WaitSeconds { get; set; }

    public int Transfers { get; set; }

    public double OperatorSeconds { get; set; }

    public int Solved { get; set; }

    public void Add(Tally other)
    {
        Arrived += other.Arrived;
        Answered += other.Answered;
        AnsweredWithinTarget += other.AnsweredWithinTarget;
        Abandoned += other.Abandoned;
        WaitSeconds += other.WaitSeconds;
        Transfers += other.Transfers;
        OperatorSeconds += other.OperatorSeconds;
        Solved += other.Solved;
    }
}
