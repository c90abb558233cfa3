using Helpdesk.Grains.Contacts;
using Helpdesk.Grains.Sla;

namespace Helpdesk.Grains.Reports;

/// <summary>How many SLA violations of one status and degree.</summary>
/// <param name="Status">The status tickets stayed in too long.</param>
/// <param name="Degree">How far past their time.</param>
/// <param name="Count">How many.</param>
public sealed record ViolationCount(ContactStatus Status, SlaDegree Degree, int Count);
