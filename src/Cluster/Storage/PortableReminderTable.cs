namespace Helpdesk.Cluster.Storage;

/// <summary>The reminder table, with its database failures made able to travel between silos (<see cref="DatabaseFailure"/>).</summary>
/// <param name="inner">The ADO.NET reminder table.</param>
internal sealed class PortableReminderTable(IReminderTable inner) : IReminderTable
{
    public Task StartAsync(CancellationToken cancellationToken = default) => DatabaseFailure.Portable(() => inner.StartAsync(cancellationToken));

    public Task StopAsync(CancellationToken cancellationToken = default) => inner.StopAsync(cancellationToken);

    public Task<ReminderTableData> ReadRows(GrainId grainId) => ReadRows(grainId, CancellationToken.None);

    public Task<ReminderTableData> ReadRows(GrainId grainId, CancellationToken cancellationToken) =>
        DatabaseFailure.Portable(() => inner.ReadRows(grainId, cancellationToken));

    public Task<ReminderTableData> ReadRows(uint begin, uint end) => ReadRows(begin, end, CancellationToken.None);

    public Task<ReminderTableData> ReadRows(uint begin, uint end, CancellationToken cancellationToken) =>
        DatabaseFailure.Portable(() => inner.ReadRows(begin, end, cancellationToken));

    public Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName) => ReadRow(grainId, reminderName, CancellationToken.None);

    public Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName, CancellationToken cancellationToken) =>
        DatabaseFailure.Portable(() => inner.ReadRow(grainId, reminderName, cancellationToken));

    public Task<string?> UpsertRow(ReminderEntry entry) => UpsertRow(entry, CancellationToken.None);

    public Task<string?> UpsertRow(ReminderEntry entry, CancellationToken cancellationToken) =>
        DatabaseFailure.Portable(() => inner.UpsertRow(entry, cancellationToken));

    public Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag) => RemoveRow(grainId, reminderName, eTag, CancellationToken.None);

    public Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag, CancellationToken cancellationToken) =>
        DatabaseFailure.Portable(() => inner.RemoveRow(grainId, reminderName, eTag, cancellationToken));

    public Task TestOnlyClearTable() => TestOnlyClearTable(CancellationToken.None);

    public Task TestOnlyClearTable(CancellationToken cancellationToken) => DatabaseFailure.Portable(() => inner.TestOnlyClearTable(cancellationToken));
}
