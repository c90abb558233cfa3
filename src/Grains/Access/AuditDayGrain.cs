using Helpdesk.Grains.Common;

namespace Helpdesk.Grains.Access;

/// <summary>Appends a day's audit entries and lists them; an entry is stored before the action it records is answered.</summary>
[GrainType("audit-day")]
internal sealed class AuditDayGrain([PersistentState("audit")] IPersistentState<AuditDayState> state) : Grain, IAuditDayGrain
{
    private List<AuditEntry> Entries => state.State.Entries;

    public async Task<AuditEntry> RecordAsync(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var numbered = entry with { Id = $"{this.GetPrimaryKeyString()}-{Entries.Count + 1:D6}" };
        Entries.Add(numbered);
        try
        {
            await state.SaveAsync(DeactivateOnIdle);
        }
        catch
        {
            Entries.RemoveAt(Entries.Count - 1);
            throw;
        }

        return numbered;
    }

    public Task<IReadOnlyList<AuditEntry>> PageAsync(AuditFilter filter, string? after, int limit)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return Task.FromResult<IReadOnlyList<AuditEntry>>(
            [.. Entries.Where(entry => (after is null || string.CompareOrdinal(entry.Id, after) > 0) && filter.Selects(entry)).Take(limit)]);
    }
}

/// <summary>A day's audit entries, in the order they were recorded.</summary>
internal sealed class AuditDayState
{
    /// <summary>The entries.</summary>
    public List<AuditEntry> Entries { get; set; } = [];
}
