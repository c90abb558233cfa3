using Helpdesk.Grains.Contacts;

namespace Helpdesk.Grains.Sla;

/// <summary>The thresholds of one status, for one priority or for all.</summary>
/// <param name="Status">The status they time.</param>
/// <param name="Priority">The ticket priority (1–5) they apply to; <see langword="null"/> for any priority without a rule of its own.</param>
/// <param name="Thresholds">One to three thresholds, degrees ascending, times ascending.</param>
public sealed record SlaRule(ContactStatus Status, int? Priority, IReadOnlyList<SlaThreshold> Thresholds);
