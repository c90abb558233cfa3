using Helpdesk.Grains.Contacts;
using Helpdesk.Grains.Reports;
using Helpdesk.Grains.Routing;
using Helpdesk.Grains.Sla;

namespace Helpdesk.Grains.Tests.Reports;

/// <summary>Short ways to write the facts and violations a scripted day is made of.</summary>
internal static class Facts
{
    public static ContactFact Created(DateTimeOffset at, Channel? channel, string? topic = null, string? category = null, string department = "support") =>
        new(FactKind.Created, at, department, Channel: channel, Topic: topic, Category: category);

    public static ContactFact Closed(DateTimeOffset at, Channel? channel, string? topic = null, string? category = null, string department = "support") =>
        new(FactKind.Closed, at, department, Channel: channel, Topic: topic, Category: category);

    public static ContactFact Handled(DateTimeOffset at, string? operatorId, double seconds, string department = "support") =>
        new(FactKind.Handled, at, department, OperatorId: operatorId, Duration: TimeSpan.FromSeconds(seconds));

    public static ContactFact Staffed(DateTimeOffset at, string? operatorId, double hours, string department = "support") =>
        new(FactKind.Staffed, at, department, OperatorId: operatorId, Duration: TimeSpan.FromHours(hours));

    public static ContactFact Rated(DateTimeOffset at, int score, bool? like, string department = "support", string? operatorId = null) =>
        new(FactKind.Rated, at, department, OperatorId: operatorId, Score: score, Like: like);

    public static ContactFact Of(FactKind kind, DateTimeOffset at, string department = "support", string? operatorId = null) =>
        new(kind, at, department, OperatorId: operatorId);

    public static SlaViolation Violation(string id, ContactStatus status, SlaDegree degree, DateTimeOffset at, string department = "support", string? operatorId = null) =>
        new(id, $"c-{id}", status, degree, operatorId, department, at, at.AddMinutes(-5), SlaAction.Notify);

    /// <summary>The counters of <paramref name="department"/> on <paramref name="day"/> after <paramref name="facts"/>, in order.</summary>
    public static DayCounters Day(string department, DateOnly day, params ContactFact[] facts) =>
        facts.Aggregate(DayCounters.Empty(department, day), ReportCounters.Apply);

    /// <summary>An instant on 2026-01-05 (a Monday), UTC.</summary>
    public static DateTimeOffset Monday(int hour, int minute = 0) => new(2026, 1, 5, hour, minute, 0, TimeSpan.Zero);
}
