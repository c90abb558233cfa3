using Helpdesk.Api.Common;
using Helpdesk.Grains.Sla;

namespace Helpdesk.Api.Departments;

/// <summary>Reads a department's SLA from its request, naming every field at fault.</summary>
internal static class SlaReader
{
    private const double MaxSeconds = 366 * 86_400;

    /// <summary>The policy asked for, <see cref="SlaPolicy.Default"/> filling what is left out; <see langword="null"/> when none is asked for.</summary>
    public static SlaPolicy? Read(Validator check, SlaRequest? request)
    {
        var center = SlaPolicy.Default;
        if (request is null)
        {
            return null;
        }

        var calendar = request.Calendar is null ? WorkCalendar.AlwaysOpen : ReadCalendar(check, request.Calendar);
        var rules = request.Rules is null ? center.Rules : [.. check.Items("sla.rules", request.Rules).Select(rule => ReadRule(check, rule.Item, rule.Field))];
        var followUp = check.Seconds("sla.followUpAfterSeconds", request.FollowUpAfterSeconds, 1, MaxSeconds, center.FollowUpAfter);
        var policy = new SlaPolicy(calendar, rules, followUp);
        if (check.IsValid && policy.Problem() is { } problem)
        {
            check.Add("sla", problem);
        }

        return policy;
    }

    private static WorkCalendar ReadCalendar(Validator check, CalendarRequest request)
    {
        var week = new Dictionary<DayOfWeek, WorkingHours>();
        foreach (var (day, field) in check.Items("sla.calendar.week", request.Week))
        {
            var weekday = check.Required($"{field}.day", day.Day);
            var start = check.Required($"{field}.start", day.Start);
            var end = check.Required($"{field}.end", day.End);
            if (day.Start is not null && day.End is not null && start >= end)
            {
                check.Add($"{field}.end", "Must be after start.");
            }

            if (day.Day is not null && !week.TryAdd(weekday, new WorkingHours(start, end)))
            {
                check.Add($"{field}.day", $"{weekday} is listed twice.");
            }
        }

        if (week.Count == 0)
        {
            check.Add("sla.calendar.week", "Name at least one working day.");
        }

        var calendar = new WorkCalendar(check.Text("sla.calendar.timeZone", request.TimeZone, 100) ?? "UTC", week, request.Holidays ?? []);
        if (check.IsValid && calendar.Problem() is { } problem)
        {
            check.Add("sla.calendar", problem);
        }

        return calendar;
    }

    private static SlaRule ReadRule(Validator check, SlaRuleRequest rule, string field)
    {
        var status = check.Required($"{field}.status", rule.Status);
        int? priority = rule.Priority is null ? null : check.Range($"{field}.priority", rule.Priority, 1, 5);
        if (rule.Thresholds is not { Count: > 0 and <= 3 })
        {
            check.Add($"{field}.thresholds", "Give one to three thresholds.");
        }

        var thresholds = check.Items($"{field}.thresholds", rule.Thresholds).Select(threshold => new SlaThreshold(
            check.Required($"{threshold.Field}.degree", threshold.Item.Degree),
            check.Seconds($"{threshold.Field}.afterSeconds", check.Required($"{threshold.Field}.afterSeconds", threshold.Item.AfterSeconds), 1, MaxSeconds, TimeSpan.Zero),
            threshold.Item.Action ?? SlaAction.Notify));
        return new SlaRule(status, priority, [.. thresholds]);
    }
}
