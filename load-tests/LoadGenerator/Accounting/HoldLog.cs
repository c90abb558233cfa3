namespace Helpdesk.LoadGenerator.Accounting;

/// <summary>Who holds which contact, as the operators' accepts and releases say; an accept by a second operator while another holds the contact is a double assignment.</summary>
/// <remarks>
/// A hold starts when an accept answers 200 and ends when its operator's solution is acknowledged. An accept by the same
/// operator again (a retry) is the same hold. Nothing else frees a contact held by one of the generator's operators
/// during a run, so a second holder can only mean the contact was handed out twice.
/// </remarks>
internal sealed class HoldLog
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, string> _holders = new(StringComparer.Ordinal);
    private readonly List<string> _doubles = [];
    private long _holds;

    /// <summary>Each double assignment seen: the contact and both operators.</summary>
    public IReadOnlyList<string> DoubleAssignments
    {
        get
        {
            lock (_lock)
            {
                return [.. _doubles];
            }
        }
    }

    /// <summary>Holds started.</summary>
    public long Holds => Interlocked.Read(ref _holds);

    /// <summary>Contacts held now.</summary>
    public int Held
    {
        get
        {
            lock (_lock)
            {
                return _holders.Count;
            }
        }
    }

    /// <summary><paramref name="operatorId"/>'s accept of <paramref name="contactId"/> answered 200.</summary>
    public void Accepted(string contactId, string operatorId)
    {
        lock (_lock)
        {
            if (_holders.TryGetValue(contactId, out var holder))
            {
                if (holder != operatorId)
                {
                    _doubles.Add($"{contactId} was accepted by {operatorId} while {holder} held it");
                }

                return;
            }

            _holders[contactId] = operatorId;
            _holds++;
        }
    }

    /// <summary><paramref name="operatorId"/> lets go of <paramref name="contactId"/>: their solution was acknowledged.</summary>
    public void Released(string contactId, string operatorId)
    {
        lock (_lock)
        {
            if (_holders.TryGetValue(contactId, out var holder) && holder == operatorId)
            {
                _holders.Remove(contactId);
            }
        }
    }
}
