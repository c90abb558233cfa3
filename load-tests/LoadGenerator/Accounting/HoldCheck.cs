using Helpdesk.LoadGenerator.Contracts;

namespace Helpdesk.LoadGenerator.Accounting;

/// <summary>The operators' holds at the end against the contacts': a contact held by two operators was offered or assigned twice at once; a hold its contact does not name is stale, capacity the operator never gets back.</summary>
internal static class HoldCheck
{
    /// <summary>Contacts two or more operators hold, each with its holders.</summary>
    public static IReadOnlyList<(string ContactId, IReadOnlyList<string> Holders)> SharedHolds(IEnumerable<OperatorView> operators) =>
        [.. operators
            .SelectMany(view => view.Contacts.Select(held => (held.Offer.ContactId, view.Id)))
            .GroupBy(pair => pair.ContactId, StringComparer.Ordinal)
            .Where(group => group.Select(pair => pair.Id).Distinct(StringComparer.Ordinal).Count() > 1)
            .Select(group => (group.Key, (IReadOnlyList<string>)[.. group.Select(pair => pair.Id).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]))];

    /// <summary>Whether <paramref name="contact"/> agrees that <paramref name="operatorId"/> holds it: offered to them, or in progress with them.</summary>
    public static bool Agrees(ContactView contact, string operatorId)
    {
        ArgumentNullException.ThrowIfNull(contact);
        return contact.Status is Statuses.Offered or Statuses.InProgress && contact.OperatorId == operatorId;
    }

    /// <summary>Whether <paramref name="contact"/> is held live by nobody although its status says an operator has it.</summary>
    public static bool HeldByNobody(ContactView contact)
    {
        ArgumentNullException.ThrowIfNull(contact);
        return contact.Status is Statuses.Offered or Statuses.InProgress && string.IsNullOrEmpty(contact.OperatorId);
    }
}
