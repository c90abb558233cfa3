using System.Collections.Concurrent;

namespace Helpdesk.LoadGenerator.Accounting;

/// <summary>Every contact the run sent, by id, and a barrier that opens once the arrivals are over and every contact is settled.</summary>
internal sealed class ContactLedger
{
    private const int NotesKept = 200;
    private const int SuspectsKept = 50;

    private readonly ConcurrentDictionary<string, ContactRecord> _byId = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _notes = new();
    private readonly ConcurrentDictionary<string, int> _suspects = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _settled = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _unsettled = 1;
    private int _noteCount;
    private int _arrivalsOver;

    /// <summary>Completes once <see cref="ArrivalsOver"/> was called and every contact is settled.</summary>
    public Task AllSettled => _settled.Task;

    /// <summary>Contacts sent and not settled yet.</summary>
    public int Unsettled => Volatile.Read(ref _unsettled) - (Volatile.Read(ref _arrivalsOver) == 0 ? 1 : 0);

    /// <summary>Things that went against expectation without breaking the invariant, e.g. a status move refused after an accept.</summary>
    public IReadOnlyList<string> Notes => [.. _notes];

    public int NoteCount => Volatile.Read(ref _noteCount);

    /// <summary>Contacts sent.</summary>
    public int Count => _byId.Count;

    /// <summary>Every contact sent, in arrival order.</summary>
    public IReadOnlyList<ContactRecord> All => [.. _byId.Values.OrderBy(record => record.Index)];

    public ContactRecord Add(int index, string key, string customerId)
    {
        var record = new ContactRecord(index, key, customerId);
        Interlocked.Increment(ref _unsettled);
        _byId[record.Id] = record;
        return record;
    }

    public ContactRecord? Find(string contactId) => _byId.GetValueOrDefault(contactId);

    /// <summary>Call after any change of <paramref name="record"/>: counts it off when it has just settled.</summary>
    public void Changed(ContactRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.MarkSettled())
        {
            Release();
        }
    }

    /// <summary>No contact will be added any more.</summary>
    public void ArrivalsOver()
    {
        if (Interlocked.Exchange(ref _arrivalsOver, 1) == 0)
        {
            Release();
        }
    }

    /// <summary>Contacts behind notes and breaches, in the order they were first suspected; the final check shows their histories.</summary>
    public IReadOnlyList<string> Suspects => [.. _suspects.OrderBy(pair => pair.Value).Select(pair => pair.Key)];

    /// <summary>Keeps a note of something unexpected, up to a limit, and counts every one; <paramref name="contactId"/> is the contact it concerns, if any.</summary>
    public void Note(string note, string? contactId = null)
    {
        if (Interlocked.Increment(ref _noteCount) <= NotesKept)
        {
            _notes.Enqueue(note);
        }

        if (contactId is not null)
        {
            Suspect(contactId);
        }
    }

    /// <summary>Marks a contact whose history the report should show.</summary>
    public void Suspect(string contactId)
    {
        if (_suspects.Count < SuspectsKept)
        {
            _suspects.TryAdd(contactId, _suspects.Count);
        }
    }

    private void Release()
    {
        if (Interlocked.Decrement(ref _unsettled) == 0)
        {
            _settled.TrySetResult();
        }
    }
}
