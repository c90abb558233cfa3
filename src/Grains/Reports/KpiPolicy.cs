namespace Helpdesk.Grains.Reports;

/// <summary>The operators' KPI on rejected solutions.</summary>
/// <remarks>Bound from the <c>Kpi</c> configuration section; a setting left out keeps its default.</remarks>
/// <param name="MaxRejectedShare">The largest share of rejected solutions a month that still meets the KPI (0.2 by default: 1 in 5).</param>
/// <param name="MinProposed">How many solutions a month must be proposed before the share is judged (5 by default).</param>
public sealed record KpiPolicy(double MaxRejectedShare = 0.2, int MinProposed = 5)
{
    /// <summary>At most 20% rejected, judged from 5 proposed on.</summary>
    public static KpiPolicy Default { get; } = new(0.2, 5);

    /// <summary>Whether <paramref name="rejected"/> of <paramref name="proposed"/> still meets the KPI.</summary>
    public bool Meets(int proposed, int rejected) => proposed < MinProposed || (double)rejected / proposed <= MaxRejectedShare;

    /// <summary>Why the policy is unusable, or <see langword="null"/>.</summary>
    public string? Problem() => MaxRejectedShare is not (>= 0 and <= 1)
        ? "Kpi:MaxRejectedShare must be between 0 and 1."
        : MinProposed < 1 ? "Kpi:MinProposed must be at least 1." : null;
}
