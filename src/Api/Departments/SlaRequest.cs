using System.ComponentModel.DataAnnotations;
using Helpdesk.Grains.Contacts;
using Helpdesk.Grains.Sla;

namespace Helpdesk.Api.Departments;

/// <summary>A department's SLA: thresholds per status and priority, measured on its working calendar.</summary>
/// <param name="Calendar">Its working time; wall time (every hour counts) when absent.</param>
/// <param name="Rules">Thresholds per status (and priority); the defaults when absent.</param>
/// <param name="FollowUpAfterSeconds">How long, in the calendar's time, the first line waits before chasing a customer silent about a proposed solution (default 2 days).</param>
public sealed record SlaRequest(CalendarRequest? Calendar, IReadOnlyList<SlaRuleRequest>? Rules, double? FollowUpAfterSeconds);

/// <summary>A working calendar.</summary>
/// <param name="TimeZone">An IANA time zone, e.g. <c>Europe/Berlin</c> (default <c>UTC</c>).</param>
/// <param name="Week">The working hours of each working weekday; the others are days off.</param>
/// <param name="Holidays">Days off whatever their weekday.</param>
public sealed record CalendarRequest(string? TimeZone, IReadOnlyList<WorkingDayRequest>? Week, IReadOnlyList<DateOnly>? Holidays);

/// <summary>One weekday's working hours.</summary>
/// <param name="Day">The weekday, e.g. <c>monday</c>.</param>
/// <param name="Start">When work starts, e.g. <c>09:00</c>.</param>
/// <param name="End">When it ends, e.g. <c>18:00</c>.</param>
public sealed record WorkingDayRequest([property: Required] DayOfWeek? Day, [property: Required] TimeOnly? Start, [property: Required] TimeOnly? End);

/// <summary>The thresholds of one status.</summary>
/// <param name="Status">The status they time, e.g. <c>queued</c>.</param>
/// <param name="Priority">The priority (1–5) they apply to; any priority without a rule of its own when absent.</param>
/// <param name="Thresholds">One to three thresholds, degrees and times ascending.</param>
public sealed record SlaRuleRequest([property: Required] ContactStatus? Status, int? Priority, [property: Required] IReadOnlyList<SlaThresholdRequest>? Thresholds);

/// <summary>One threshold.</summary>
/// <param name="Degree"><c>warning</c>, <c>violation</c> or <c>critical</c>.</param>
/// <param name="AfterSeconds">How long after entering the status, in the calendar's time.</param>
/// <param name="Action"><c>notify</c> (default), <c>raise_priority</c> or <c>redispatch</c>.</param>
public sealed record SlaThresholdRequest([property: Required] SlaDegree? Degree, [property: Required] double? AfterSeconds, SlaAction? Action);
