using Helpdesk.Grains.Contacts;
using Helpdesk.Grains.Sla;

namespace Helpdesk.Grains.Reports;

/// <summary>How many SLA violations of one status and degree.</summary>
/// <param name="Status">The status tickets stayed in too long.</param>
/// <param name="Degree">How far past their time.</param>
/// <param name="Count">How many.</param>
[GenerateSerializer, Alias("helpdesk.ViolationCount")]
public sealed record ViolationCount([property: Id(0)] ContactStatus Status, [property: Id(1)] SlaDegree Degree, [property: Id(2)] int Count);
