using Helpdesk.Grains.Contacts;

namespace Helpdesk.Grains.Sla;

/// <summary>The thresholds of one status, for one priority or for all.</summary>
/// <param name="Status">The status they time.</param>
/// <param name="Priority">The ticket priority (1–5) they apply to; <see langword="null"/> for any priority without a rule of its own.</param>
/// <param name="Thresholds">One to three thresholds, degrees ascending, times ascending.</param>
[GenerateSerializer, Alias("helpdesk.SlaRule")]
public sealed record SlaRule(
    [property: Id(0)] ContactStatus Status,
    [property: Id(1)] int? Priority,
    [property: Id(2)] IReadOnlyList<SlaThreshold> Thresholds);
