using Helpdesk.Grains.Contacts;

namespace Helpdesk.Grains.Reports;

/// <summary>SLA violations of one status, by degree: one row of the status × degree table.</summary>
/// <param name="Status">The status tickets stayed in too long.</param>
/// <param name="Warning">Warnings.</param>
/// <param name="Violation">Violations.</param>
/// <param name="Critical">Critical violations.</param>
/// <param name="Total">All three.</param>
public sealed record ViolationRow(ContactStatus Status, int Warning, int Violation, int Critical, int Total);
