using Helpdesk.LoadGenerator.Contracts;

namespace Helpdesk.LoadGenerator.Center;

/// <summary>
/// The SLA thresholds every department of the run gets: short enough that many contacts cross some within the run, so
/// the final check can tell that every threshold a contact's history crossed was recorded, failover or not.
/// </summary>
/// <param name="Thresholds">Per status, its thresholds in degree order (warning, violation, critical).</param>
internal sealed record SlaPlan(IReadOnlyDictionary<string, IReadOnlyList<TimeSpan>> Thresholds)
{
    private static readonly string[] Degrees = ["warning", "violation", "critical"];

    /// <summary>Waiting in the queue: 2, 5 and 10 s; in progress: the mean handle time (about half the contacts cross it) and twice it, in whole seconds of at least 1.</summary>
    public static SlaPlan For(TimeSpan handleTime)
    {
        var handle = Math.Max(1, Math.Round(handleTime.TotalSeconds));
        return new SlaPlan(new Dictionary<string, IReadOnlyList<TimeSpan>>(StringComparer.Ordinal)
        {
            [Statuses.Queued] = [TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10)],
            [Statuses.InProgress] = [TimeSpan.FromSeconds(handle), TimeSpan.FromSeconds(2 * handle)],
        });
    }

    /// <summary>The department's <c>sla</c> as the API takes it.</summary>
    public object Body => new
    {
        rules = Thresholds.Select(rule => new
        {
            status = rule.Key,
            thresholds = rule.Value.Select((after, i) => new { degree = Degrees[i], afterSeconds = after.TotalSeconds }),
        }),
    };

    /// <summary>
    /// The violations <paramref name="contact"/>'s history crossed, by the id the silos give them
    /// (<c>contact:entry:degree</c>), and when each fell due: a status entry begins where the status changes, and crosses
    /// each threshold it lasted for. The last entry is left out, its end being unknown.
    /// </summary>
    public IEnumerable<(string Id, DateTimeOffset DueAt)> Crossed(ContactView contact)
    {
        var entries = Entries(contact);
        for (var i = 0; i < entries.Count - 1; i++)
        {
            var lasted = entries[i + 1].At - entries[i].At;
            var thresholds = Thresholds.GetValueOrDefault(entries[i].Status) ?? [];
            for (var degree = 0; degree < thresholds.Count && thresholds[degree] <= lasted; degree++)
            {
                yield return ($"{contact.Id}:{i + 1}:{degree + 1}", entries[i].At + thresholds[degree]);
            }
        }
    }

    /// <summary>The violations the last status entry of <paramref name="contact"/> may have recorded so far: it has not ended, and its ticks may be due or late.</summary>
    public IEnumerable<string> Open(ContactView contact)
    {
        var entries = Entries(contact);
        var thresholds = entries.Count == 0 ? [] : Thresholds.GetValueOrDefault(entries[^1].Status) ?? [];
        return thresholds.Select((_, degree) => $"{contact.Id}:{entries.Count}:{degree + 1}");
    }

    /// <summary>Where each status entry of <paramref name="contact"/> began: a change to another status than the one before.</summary>
    private static List<StatusChangeView> Entries(ContactView contact)
    {
        ArgumentNullException.ThrowIfNull(contact);
        var entries = new List<StatusChangeView>();
        foreach (var change in contact.History)
        {
            if (entries.Count == 0 || entries[^1].Status != change.Status)
            {
                entries.Add(change);
            }
        }

        return entries;
    }
}
