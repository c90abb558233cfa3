namespace Helpdesk.Grains.Reports;

/// <summary>What an operator month grain stores.</summary>
internal sealed class OperatorMonthState
{
    /// <summary>The month's counters; <see langword="null"/> until the first fact.</summary>
    public OperatorMonth? Month { get; set; }
}
