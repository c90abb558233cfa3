namespace Helpdesk.LoadGenerator.Accounting;

/// <summary>The final check: where every contact the run sent is, every breach of the invariant, and what else did not add up.</summary>
/// <param name="Sent">Contacts sent.</param>
/// <param name="Acknowledged">Contacts whose creation answered 201.</param>
/// <param name="Classes">How many contacts are in each class.</param>
/// <param name="Missing">Contacts acknowledged but not found.</param>
/// <param name="Unverified">Contacts that could not be read.</param>
/// <param name="DoubleAssignments">Contacts two operators held at once, as the accepts, the histories or the operators' holds at the end tell.</param>
/// <param name="LostAcknowledgements">Moves acknowledged to the generator that the contact does not show.</param>
/// <param name="ReannouncedOffers">Offers an operator's event stream announced again while the first was still being accepted or held; an operator's state holds a contact once, so these are announcements of a reservation redone (a silo died before the first was stored), not a second reservation.</param>
/// <param name="StaleHolds">Contacts an operator still holds at the end though the contact no longer names them: capacity they do not get back.</param>
/// <param name="HeldByNobody">Contacts whose status says an operator has them, with no operator named.</param>
/// <param name="HandledTwice">Contacts worked twice: in progress twice without a rejected solution between, which in the generator's flow only a status change lost mid-way causes.</param>
/// <param name="SlaDue">When each SLA threshold the contacts' histories crossed fell due.</param>
/// <param name="Sla">SLA thresholds a contact's history crossed that were never recorded, or recorded though never crossed.</param>
/// <param name="Histories">The histories of the contacts behind notes, breaches and findings, a few of them.</param>
internal sealed record AccountingResult(
    int Sent,
    int Acknowledged,
    IReadOnlyDictionary<ContactClass, int> Classes,
    IReadOnlyList<string> Missing,
    IReadOnlyList<string> Unverified,
    IReadOnlyList<string> DoubleAssignments,
    IReadOnlyList<string> LostAcknowledgements,
    IReadOnlyList<string> ReannouncedOffers,
    IReadOnlyList<string> StaleHolds,
    IReadOnlyList<string> HeldByNobody,
    IReadOnlyList<string> HandledTwice,
    IReadOnlyList<DateTimeOffset> SlaDue,
    IReadOnlyList<string> Sla,
    IReadOnlyList<string> Histories)
{
    /// <summary>Every acknowledged contact is accounted for, none was held by two operators at once, and every acknowledged move stuck.</summary>
    public bool Holds => Violations == 0;

    public int Violations => Missing.Count + Unverified.Count + DoubleAssignments.Count + LostAcknowledgements.Count;

    /// <summary>Things that do not add up without losing or doubling a contact.</summary>
    public int Findings => ReannouncedOffers.Count + StaleHolds.Count + HeldByNobody.Count + HandledTwice.Count + Sla.Count;

    public int Count(ContactClass contactClass) => Classes.GetValueOrDefault(contactClass);

    /// <summary>The breaches, a few of each, for the report.</summary>
    public IEnumerable<string> Examples(int each) =>
        Missing.Take(each).Select(id => $"missing: {id} was acknowledged but is not found")
            .Concat(Unverified.Take(each).Select(id => $"unverified: {id} could not be read"))
            .Concat(DoubleAssignments.Take(each).Select(text => $"assigned twice: {text}"))
            .Concat(LostAcknowledgements.Take(each).Select(text => $"lost acknowledgement: {text}"));

    /// <summary>The findings, a few of each, for the report.</summary>
    public IEnumerable<string> FindingExamples(int each) =>
        ReannouncedOffers.Take(each).Select(text => $"offer announced again: {text}")
            .Concat(StaleHolds.Take(each).Select(text => $"stale hold: {text}"))
            .Concat(HeldByNobody.Take(each).Select(text => $"held by nobody: {text}"))
            .Concat(HandledTwice.Take(each).Select(text => $"handled twice: {text}"))
            .Concat(Sla.Take(each).Select(text => $"SLA: {text}"));
}
