namespace Helpdesk.LoadGenerator.Accounting;

/// <summary>What the generator knows of one contact it sent: its key and id, its customer, whether its creation was acknowledged, and how far its moves were.</summary>
/// <remarks>An operator's desktop may hear of the offer before the creation's answer arrives, so the two are kept apart.</remarks>
internal sealed class ContactRecord(int index, string key, string customerId)
{
    private int _creation;
    private int _stage;
    private string? _acceptedBy;
    private int _settled;

    public int Index => index;

    public string Key => key;

    /// <summary>The contact's id, derived from its key as the API derives it.</summary>
    public string Id { get; } = ContactIds.For(key);

    public string CustomerId => customerId;

    public Creation Creation => (Creation)Volatile.Read(ref _creation);

    public ClientStage Stage => (ClientStage)Volatile.Read(ref _stage);

    /// <summary>The operator whose accept answered 200, if any.</summary>
    public string? AcceptedBy => Volatile.Read(ref _acceptedBy);

    /// <summary>The id its receipt gave, once acknowledged; it should be <see cref="Id"/>.</summary>
    public string? ReceiptId { get; private set; }

    /// <summary>Why the creation was not acknowledged, when it was not.</summary>
    public string? Refusal { get; private set; }

    /// <summary>Whether the generator has nothing more to wait for: closed, or never acknowledged and never taken by an operator.</summary>
    public bool IsSettled =>
        Stage is ClientStage.Confirmed or ClientStage.Abandoned
        || (Creation == Creation.NotAcknowledged && Stage == ClientStage.Sent);

    /// <summary>True the first time it is found settled, so it is counted off once.</summary>
    public bool MarkSettled() => IsSettled && Interlocked.Exchange(ref _settled, 1) == 0;

    /// <summary>Records the acknowledged creation, with the id its receipt gave.</summary>
    public void Acknowledge(string receiptId)
    {
        ReceiptId = receiptId;
        Interlocked.CompareExchange(ref _creation, (int)Creation.Acknowledged, (int)Creation.Pending);
    }

    /// <summary>Records that the creation was not acknowledged, and why.</summary>
    public void GiveUp(string refusal)
    {
        Refusal = refusal;
        Interlocked.CompareExchange(ref _creation, (int)Creation.NotAcknowledged, (int)Creation.Pending);
    }

    /// <summary>Moves to <paramref name="stage"/> when that is forward; a closed contact stays closed.</summary>
    /// <returns>Whether it moved.</returns>
    public bool Advance(ClientStage stage, string? operatorId = null)
    {
        while (true)
        {
            var current = Volatile.Read(ref _stage);
            if ((ClientStage)current is ClientStage.Confirmed or ClientStage.Abandoned || (int)stage <= current)
            {
                return false;
            }

            if (operatorId is not null)
            {
                Volatile.Write(ref _acceptedBy, operatorId);
            }

            if (Interlocked.CompareExchange(ref _stage, (int)stage, current) == current)
            {
                return true;
            }
        }
    }
}
