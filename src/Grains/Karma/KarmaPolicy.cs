using Helpdesk.Grains.Routing;

namespace Helpdesk.Grains.Karma;

/// <summary>The numbers of karma: how ratings weigh and age, and where literacy and temperament start to matter.</summary>
public sealed record KarmaPolicy
{
    /// <summary>The middle of the 1–5 scales.</summary>
    public const double Neutral = 3;

    /// <summary>The default policy.</summary>
    public static KarmaPolicy Default { get; } = new();

    /// <summary>A rating's weight halves every this long (default 180 days).</summary>
    public TimeSpan HalfLife { get; init; } = TimeSpan.FromDays(180);

    /// <summary>The weight of the neutral prior that pulls few ratings toward 3 (default 1).</summary>
    public double PriorWeight { get; init; } = 1;

    /// <summary>The rating weight at which confidence reaches one half (default 2).</summary>
    public double HalfConfidenceWeight { get; init; } = 2;

    /// <summary>A literacy score at or above this, with enough confidence, skips the first line (default 4).</summary>
    public double LiterateFrom { get; init; } = 4;

    /// <summary>A temperament score at or above this, with enough confidence, marks a calm customer (default 4).</summary>
    public double CalmFrom { get; init; } = 4;

    /// <summary>The confidence a score needs before routing acts on it (default 0.5).</summary>
    public double MinConfidence { get; init; } = 0.5;

    /// <summary>How much a rating from each line weighs (default L1 1, L2 1.5, L3 2).</summary>
    public double LineWeight(Line line) => line switch
    {
        Line.L1 => 1,
        Line.L2 => 1.5,
        _ => 2,
    };
}
