namespace Helpdesk.LoadGenerator.Accounting;

/// <summary>The final check: where every contact the run sent is, and every breach of the invariant found.</summary>
/// <param name="Sent">Contacts sent.</param>
/// <param name="Acknowledged">Contacts whose creation answered 201.</param>
/// <param name="Classes">How many contacts are in each class.</param>
/// <param name="Missing">Contacts acknowledged but not found.</param>
/// <param name="Unverified">Contacts that could not be read.</param>
/// <param name="DoubleAssignments">Contacts two operators held at once, as the accepts or the histories tell.</param>
/// <param name="DuplicateOffers">Contacts offered to an operator who already had an open offer of it or held it.</param>
/// <param name="LostAcknowledgements">Moves acknowledged to the generator that the contact does not show.</param>
internal sealed record AccountingResult(
    int Sent,
    int Acknowledged,
    IReadOnlyDictionary<ContactClass, int> Classes,
    IReadOnlyList<string> Missing,
    IReadOnlyList<string> Unverified,
    IReadOnlyList<string> DoubleAssignments,
    IReadOnlyList<string> DuplicateOffers,
    IReadOnlyList<string> LostAcknowledgements)
{
    /// <summary>Every acknowledged contact is accounted for, none was assigned or offered twice at once, and every acknowledged move stuck.</summary>
    public bool Holds => Violations == 0;

    public int Violations => Missing.Count + Unverified.Count + DoubleAssignments.Count + DuplicateOffers.Count + LostAcknowledgements.Count;

    public int Count(ContactClass contactClass) => Classes.GetValueOrDefault(contactClass);

    /// <summary>The breaches, a few of each, for the report.</summary>
    public IEnumerable<string> Examples(int each) =>
        Missing.Take(each).Select(id => $"missing: {id} was acknowledged but is not found")
            .Concat(Unverified.Take(each).Select(id => $"unverified: {id} could not be read"))
            .Concat(DoubleAssignments.Take(each).Select(text => $"assigned twice: {text}"))
            .Concat(DuplicateOffers.Take(each).Select(text => $"offered twice: {text}"))
            .Concat(LostAcknowledgements.Take(each).Select(text => $"lost acknowledgement: {text}"));
}
