using Helpdesk.LoadGenerator.Contracts;

namespace Helpdesk.LoadGenerator.Accounting;

/// <summary>The final check's rules: where a contact is, whether it was ever held by two operators at once, and whether the API kept what it acknowledged.</summary>
internal static class ContactClassifier
{
    /// <summary>Where a contact is, from the answer to <c>GET /api/contacts/{id}</c>.</summary>
    /// <param name="creation">Whether its creation was acknowledged.</param>
    /// <param name="status">The answer's HTTP status; 0 when there was none.</param>
    /// <param name="contact">The contact, for a 200.</param>
    public static ContactClass Classify(Creation creation, int status, ContactView? contact) => (status, contact) switch
    {
        (200, { } found) => found.Status switch
        {
            Statuses.Confirmed => ContactClass.Closed,
            Statuses.Abandoned => ContactClass.Abandoned,
            Statuses.Queued => ContactClass.Queued,
            Statuses.Offered => ContactClass.Offered,
            Statuses.InProgress => ContactClass.InProgress,
            Statuses.SolutionProposed => ContactClass.AwaitingCustomer,
            _ => ContactClass.Other,
        },
        (404, _) => creation == Creation.Acknowledged ? ContactClass.Missing : ContactClass.NeverCreated,
        _ => ContactClass.Unverified,
    };

    /// <summary>A second operator taking the contact while another still held it, as its history tells; <see langword="null"/> when none did.</summary>
    /// <remarks>An operator holds a contact from its <c>in_progress</c> until its next status; another <c>in_progress</c> by someone else in between is a double assignment.</remarks>
    public static string? SecondHolder(ContactView contact)
    {
        ArgumentNullException.ThrowIfNull(contact);
        string? holder = null;
        foreach (var change in contact.History)
        {
            if (change.Status != Statuses.InProgress)
            {
                holder = null;
                continue;
            }

            if (holder is not null && holder != change.By)
            {
                return $"{contact.Id} went in progress with {change.By} at {change.At:HH:mm:ss.fff} while {holder} held it";
            }

            holder = change.By;
        }

        return null;
    }

    /// <summary>Whether the contact went in progress twice without its customer rejecting a solution in between: worked twice.</summary>
    /// <remarks>The generator's operators never transfer, escalate or leave, and its customers never reject, so only a status change lost mid-way brings a contact back to an operator.</remarks>
    public static bool HandledTwice(ContactView contact)
    {
        ArgumentNullException.ThrowIfNull(contact);
        var handled = 0;
        foreach (var change in contact.History)
        {
            handled = change.Status switch
            {
                Statuses.Rejected => 0,
                Statuses.InProgress => handled + 1,
                _ => handled,
            };
            if (handled > 1)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A move the API acknowledged that the contact no longer shows; <see langword="null"/> when it shows every one.</summary>
    /// <param name="stage">The last move acknowledged to the generator.</param>
    /// <param name="acceptedBy">The operator whose accept was acknowledged, if any.</param>
    /// <param name="contact">The contact as read at the end.</param>
    public static string? LostAcknowledgement(ClientStage stage, string? acceptedBy, ContactView contact)
    {
        ArgumentNullException.ThrowIfNull(contact);
        var kept = stage switch
        {
            ClientStage.Confirmed => contact.Status == Statuses.Confirmed,
            ClientStage.Abandoned => contact.Status == Statuses.Abandoned,
            ClientStage.Proposed => contact.Status is Statuses.SolutionProposed or Statuses.Confirmed,
            ClientStage.Accepted => contact.History.Any(change => change.Status == Statuses.InProgress && change.By == acceptedBy),
            _ => true,
        };
        return kept ? null : $"{contact.Id} was acknowledged as {Describe(stage, acceptedBy)} but is {contact.Status.Replace('_', ' ')}";
    }

    private static string Describe(ClientStage stage, string? acceptedBy) => stage switch
    {
        ClientStage.Accepted => $"accepted by {acceptedBy}",
        ClientStage.Proposed => "solution proposed",
        _ => stage.ToString().ToLowerInvariant(),
    };
}
