namespace Helpdesk.Benchmarks.Center;

/// <summary>What the operators' desks did over a suite.</summary>
/// <param name="Accepted">Offers accepted.</param>
/// <param name="Completed">Contacts completed after their handle time.</param>
/// <param name="Refused">Accepts or completions the contact refused (an offer gone, a contact not theirs).</param>
/// <param name="PeakInProgress">The most contacts accepted and not yet completed at one time.</param>
internal sealed record DeskFigures(long Accepted, long Completed, long Refused, int PeakInProgress)
{
    /// <summary>The peak as a share of the center's chat slots.</summary>
    public double PeakOccupancy => (double)PeakInProgress / CallCenter.ChatSlots;
}
