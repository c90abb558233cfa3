using System.Globalization;
using System.Text.Json;
using Helpdesk.Grains.Routing;
using Helpdesk.Grains.Sla;

namespace Helpdesk.Grains.Reports;

/// <summary>Adds facts and SLA violations to a department's day and an operator's month; pure, so the report grains stay thin.</summary>
/// <remarks>
/// Facts arrive one way and cannot be refused, so a fact that makes no sense is counted as far as it does: a missing
/// or negative duration counts as zero time, and a rating whose score is not 1–5 is left out.
/// </remarks>
internal static class ReportCounters
{
    /// <summary><paramref name="day"/> with <paramref name="fact"/> counted.</summary>
    /// <remarks><see cref="FactKind.Violation"/> facts change nothing here: a day counts its violations by id, through <see cref="Count"/>.</remarks>
    public static DayCounters Apply(DayCounters day, ContactFact fact)
    {
        ArgumentNullException.ThrowIfNull(day);
        ArgumentNullException.ThrowIfNull(fact);
        var duration = DurationOf(fact);
        return fact.Kind switch
        {
            FactKind.Created => day with
            {
                Created = day.Created + 1,
                ArrivalsByHour = [.. day.ArrivalsByHour.Select((count, hour) => hour == fact.At.UtcDateTime.Hour ? count + 1 : count)],
                Channels = CountChannel(day.Channels, fact.Channel, created: 1, closed: 0),
                Topics = CountTopic(day.Topics, fact.Category, fact.Topic, created: 1, closed: 0),
            },
            FactKind.Closed => day with
            {
                Closed = day.Closed + 1,
                Channels = CountChannel(day.Channels, fact.Channel, created: 0, closed: 1),
                Topics = CountTopic(day.Topics, fact.Category, fact.Topic, created: 0, closed: 1),
            },
            FactKind.Handled => day with
            {
                Handled = day.Handled + 1,
                HandleTime = day.HandleTime + duration,
                Operators = CountWork(day.Operators, fact.OperatorId, handled: 1, duration, TimeSpan.Zero),
            },
            FactKind.Staffed => day with
            {
                Staffed = day.Staffed + duration,
                Operators = CountWork(day.Operators, fact.OperatorId, handled: 0, TimeSpan.Zero, duration),
            },
            FactKind.Deflected => day with { Deflected = day.Deflected + 1 },
            FactKind.Transferred => day with { Transfers = day.Transfers + 1 },
            FactKind.SolutionProposed => day with { SolutionsProposed = day.SolutionsProposed + 1 },
            FactKind.SolutionRejected => day with { SolutionsRejected = day.SolutionsRejected + 1 },
            FactKind.Rated when IsScore(fact.Score) => day with { Ratings = day.Ratings.Add(fact.Score!.Value, fact.Like) },
            _ => day,
        };
    }

    /// <summary><paramref name="day"/> with one more violation of its status and degree.</summary>
    public static DayCounters Count(DayCounters day, SlaViolation violation)
    {
        ArgumentNullException.ThrowIfNull(day);
        ArgumentNullException.ThrowIfNull(violation);
        return day with
        {
            Violations = Upsert(
                day.Violations,
                row => row.Status == violation.Status && row.Degree == violation.Degree,
                () => new ViolationCount(violation.Status, violation.Degree, 0),
                row => row with { Count = row.Count + 1 },
                (a, b) => a.Status != b.Status ? a.Status.CompareTo(b.Status) : a.Degree.CompareTo(b.Degree)),
        };
    }

    /// <summary><paramref name="month"/> with <paramref name="fact"/> counted and the KPI judged again.</summary>
    /// <remarks>Once the KPI is missed the month stays <see cref="OperatorMonth.Alerted"/>, even if it is met again later: supervisors hear once a month.</remarks>
    public static OperatorMonth Apply(OperatorMonth month, ContactFact fact, KpiPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(month);
        ArgumentNullException.ThrowIfNull(fact);
        ArgumentNullException.ThrowIfNull(policy);
        var duration = DurationOf(fact);
        var counted = fact.Kind switch
        {
            FactKind.Handled => month with { Handled = month.Handled + 1, HandleTime = month.HandleTime + duration },
            FactKind.Staffed => month with { Staffed = month.Staffed + duration },
            FactKind.Transferred => month with { Transfers = month.Transfers + 1 },
            FactKind.SolutionProposed => month with { SolutionsProposed = month.SolutionsProposed + 1 },
            FactKind.SolutionRejected => month with { SolutionsRejected = month.SolutionsRejected + 1 },
            FactKind.Rated when IsScore(fact.Score) => month with { Ratings = month.Ratings.Add(fact.Score!.Value, fact.Like) },
            FactKind.Violation => month with { Violations = month.Violations + 1 },
            _ => month,
        };
        var meets = policy.Meets(counted.SolutionsProposed, counted.SolutionsRejected);
        return counted with { MeetsKpi = meets, Alerted = counted.Alerted || !meets };
    }

    /// <summary>The supervisors' one line for a month that misses the KPI.</summary>
    public static string KpiAlert(OperatorMonth month, KpiPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(month);
        ArgumentNullException.ThrowIfNull(policy);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"operator {month.OperatorId}: {month.SolutionsRejected} of {month.SolutionsProposed} solutions rejected this month ({Percent(month.RejectedShare)}, limit {Percent(policy.MaxRejectedShare)})");
    }

    /// <summary>The supervisors' one line for a violation.</summary>
    public static string ViolationLine(SlaViolation violation)
    {
        ArgumentNullException.ThrowIfNull(violation);
        var who = violation.OperatorId is { } operatorId ? $", operator {operatorId}" : "";
        return $"{Name(violation.Degree)}: ticket {violation.ContactId} stayed {Name(violation.Status)} past its time ({violation.Department}{who})";
    }

    private static TimeSpan DurationOf(ContactFact fact) => fact.Duration is { } duration && duration > TimeSpan.Zero ? duration : TimeSpan.Zero;

    private static bool IsScore(int? score) => score is >= 1 and <= 5;

    private static string Percent(double share) => string.Create(CultureInfo.InvariantCulture, $"{Math.Round(share * 100, 1):0.#}%");

    private static string Name<TEnum>(TEnum value) where TEnum : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    private static IReadOnlyList<ChannelCount> CountChannel(IReadOnlyList<ChannelCount> rows, Channel? channel, int created, int closed) =>
        channel is not { } key
            ? rows
            : Upsert(
                rows,
                row => row.Channel == key,
                () => new ChannelCount(key, 0, 0),
                row => row with { Created = row.Created + created, Closed = row.Closed + closed },
                (a, b) => a.Channel.CompareTo(b.Channel));

    private static IReadOnlyList<TopicCount> CountTopic(IReadOnlyList<TopicCount> rows, string? category, string? topic, int created, int closed)
    {
        if (string.IsNullOrWhiteSpace(topic))
        {
            return rows;
        }

        var group = string.IsNullOrWhiteSpace(category) ? null : category;
        return Upsert(
            rows,
            row => row.Topic == topic && row.Category == group,
            () => new TopicCount(group, topic, 0, 0),
            row => row with { Created = row.Created + created, Closed = row.Closed + closed },
            (a, b) => string.CompareOrdinal(a.Category, b.Category) is var byCategory and not 0 ? byCategory : string.CompareOrdinal(a.Topic, b.Topic));
    }

    private static IReadOnlyList<OperatorWork> CountWork(IReadOnlyList<OperatorWork> rows, string? operatorId, int handled, TimeSpan handleTime, TimeSpan staffed) =>
        string.IsNullOrWhiteSpace(operatorId)
            ? rows
            : Upsert(
                rows,
                row => row.OperatorId == operatorId,
                () => new OperatorWork(operatorId, 0, TimeSpan.Zero, TimeSpan.Zero),
                row => row with { Handled = row.Handled + handled, HandleTime = row.HandleTime + handleTime, Staffed = row.Staffed + staffed },
                (a, b) => string.CompareOrdinal(a.OperatorId, b.OperatorId));

    /// <summary>A copy of <paramref name="rows"/> with the matching row changed, or a new row added in order.</summary>
    private static List<T> Upsert<T>(IReadOnlyList<T> rows, Func<T, bool> matches, Func<T> create, Func<T, T> change, Comparison<T> order)
    {
        List<T> copy = [.. rows];
        var at = copy.FindIndex(row => matches(row));
        if (at >= 0)
        {
            copy[at] = change(copy[at]);
            return copy;
        }

        copy.Add(change(create()));
        copy.Sort(order);
        return copy;
    }
}
