namespace Helpdesk.Grains.Balancing;

/// <summary>The numbers of the department balancer: when a department may lend, when it needs help, and how fast staff moves.</summary>
/// <remarks>
/// A lent operator goes back only well past the point at which they were lent (<see cref="ReturnMargin"/>), and nobody moves twice
/// within <see cref="Cooldown"/>, so a load hovering at a threshold does not send operators to and fro.
/// </remarks>
public sealed record BalancerPolicy
{
    /// <summary>The default policy.</summary>
    public static BalancerPolicy Default { get; } = new();

    /// <summary>How often the balancer looks at the departments (default 5 s).</summary>
    public TimeSpan Period { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The share of contacts to answer within each department's target; below it with a queue, a department needs help (default 0.8).</summary>
    public double TargetServiceLevel { get; init; } = 0.8;

    /// <summary>A department whose own operators would be below this occupancy at its steady arrival rate can lend (default 0.7).</summary>
    public double UnderloadOccupancy { get; init; } = 0.7;

    /// <summary>The operators at work a lending department always keeps (default 2).</summary>
    public int MinStaff { get; init; } = 2;

    /// <summary>The largest share of a department's own operators lent at once, as reserves or whole (default 0.85: 10 of 12).</summary>
    public double MaxShareLent { get; init; } = 0.85;

    /// <summary>
    /// The share of a reserve's free time their home plans to lose to the borrower (default 0.25): a reserve takes the borrower's
    /// contacts whenever free, so the home's own contacts sometimes find them busy, though it comes first.
    /// </summary>
    public double ReserveCost { get; init; } = 0.25;

    /// <summary>An operator lent or returned is not moved again before this has passed (default 15 min).</summary>
    public TimeSpan Cooldown { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// How far above <see cref="TargetServiceLevel"/> the borrowing department must stay without a lent operator, its queue empty,
    /// before they go back (default 0.1).
    /// </summary>
    public double ReturnMargin { get; init; } = 0.1;

    /// <summary>
    /// How far below <see cref="TargetServiceLevel"/> a home's own forecast must fall, with contacts waiting, before it takes back
    /// a reserve it lent (default 0.1). Lending lowers the lender's forecast and arrival rates wander by chance: a home that took
    /// its reserve back at the target would undo a lend at its first dip, and lend it again at the next rise.
    /// </summary>
    public double Band { get; init; } = 0.1;

    /// <summary>The most moves, lends and returns together, one round proposes (default 3).</summary>
    public int MaxMovesPerRound { get; init; } = 3;

    /// <summary>
    /// Customers' mean patience the forecasts assume (default 3 min), so they use Erlang A: an overloaded department then
    /// shows the gain of each operator lent, where Erlang C would forecast no service until its queue could settle.
    /// </summary>
    public TimeSpan Patience { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>Why the policy is unusable, or <see langword="null"/>.</summary>
    public string? Problem()
    {
        if (Patience <= TimeSpan.Zero)
        {
            return $"Balancer:Patience is {Patience}: give customers' mean patience, above 0.";
        }

        if (Period <= TimeSpan.Zero)
        {
            return $"Balancer:Period is {Period}: give the time between rounds, above 0.";
        }

        if (TargetServiceLevel is not (> 0 and < 1))
        {
            return $"Balancer:TargetServiceLevel is {TargetServiceLevel}: give a share above 0 and below 1.";
        }

        if (UnderloadOccupancy is not (> 0 and <= 1))
        {
            return $"Balancer:UnderloadOccupancy is {UnderloadOccupancy}: give a share above 0, at most 1.";
        }

        if (MinStaff < 1)
        {
            return $"Balancer:MinStaff is {MinStaff}: a lending department keeps at least 1 operator at work.";
        }

        if (MaxShareLent is not (>= 0 and <= 1))
        {
            return $"Balancer:MaxShareLent is {MaxShareLent}: give a share from 0 (lend no one) to 1.";
        }

        if (ReserveCost is not (>= 0 and <= 1))
        {
            return $"Balancer:ReserveCost is {ReserveCost}: give a share of a reserve's free time from 0 to 1.";
        }

        if (Cooldown < TimeSpan.Zero)
        {
            return $"Balancer:Cooldown is {Cooldown}: give 0 or more.";
        }

        if (ReturnMargin < 0 || !(TargetServiceLevel + ReturnMargin <= 1))
        {
            return $"Balancer:ReturnMargin is {ReturnMargin}: give 0 or more, with the target at most 1 in all, or lent operators never go back.";
        }

        if (Band is not (>= 0 and < 1) || Band >= TargetServiceLevel)
        {
            return $"Balancer:Band is {Band}: give 0 or more, below the target service level.";
        }

        return MaxMovesPerRound < 1 ? $"Balancer:MaxMovesPerRound is {MaxMovesPerRound}: give 1 or more." : null;
    }
}
