using System.Text.Json;
using Helpdesk.Grains.Contacts;
using Helpdesk.Grains.Sla;

namespace Helpdesk.Grains.Tests.Sla;

/// <summary>SLA policy: which thresholds time a status at a priority, when they fall due, and what makes a policy unusable.</summary>
public sealed class SlaPolicyTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 10, 10, 0, 0, TimeSpan.Zero);

    private static readonly SlaThreshold Warn = new(SlaDegree.Warning, TimeSpan.FromMinutes(10), SlaAction.Notify);
    private static readonly SlaThreshold Break = new(SlaDegree.Violation, TimeSpan.FromMinutes(20), SlaAction.Notify);
    private static readonly SlaThreshold Crit = new(SlaDegree.Critical, TimeSpan.FromMinutes(30), SlaAction.Redispatch);

    public static TheoryData<ContactStatus, SlaThreshold[]> DefaultThresholds => new()
    {
        {
            ContactStatus.Queued,
            [
                new(SlaDegree.Warning, TimeSpan.FromSeconds(30), SlaAction.Notify),
                new(SlaDegree.Violation, TimeSpan.FromMinutes(2), SlaAction.Notify),
                new(SlaDegree.Critical, TimeSpan.FromMinutes(5), SlaAction.Redispatch),
            ]
        },
        {
            ContactStatus.InProgress,
            [
                new(SlaDegree.Warning, TimeSpan.FromMinutes(15), SlaAction.Notify),
                new(SlaDegree.Violation, TimeSpan.FromMinutes(30), SlaAction.Notify),
                new(SlaDegree.Critical, TimeSpan.FromHours(1), SlaAction.RaisePriority),
            ]
        },
        {
            ContactStatus.WaitingForCustomer,
            [
                new(SlaDegree.Warning, TimeSpan.FromDays(1), SlaAction.Notify),
                new(SlaDegree.Violation, TimeSpan.FromDays(3), SlaAction.Notify),
            ]
        },
        { ContactStatus.InDevelopment, [new(SlaDegree.Violation, TimeSpan.FromDays(5), SlaAction.Notify)] },
        { ContactStatus.SolutionProposed, [new(SlaDegree.Warning, TimeSpan.FromDays(2), SlaAction.Notify)] },
        { ContactStatus.Postponed, [] },
        { ContactStatus.Confirmed, [] },
        { ContactStatus.Rejected, [] },
        { ContactStatus.Escalated, [] },
    };

    [Theory]
    [MemberData(nameof(DefaultThresholds))]
    public void DefaultTimesEachStatusAsDocumentedAtEveryPriority(ContactStatus status, SlaThreshold[] expected)
    {
        for (var priority = 1; priority <= 5; priority++)
        {
            Assert.Equal(expected, SlaPolicy.Default.ThresholdsFor(status, priority));
        }
    }

    [Fact]
    public void DefaultMeasuresWallTimeFollowsUpAfterTwoDaysAndIsUsable()
    {
        var policy = SlaPolicy.Default;

        Assert.Same(WorkCalendar.AlwaysOpen, policy.Calendar);
        Assert.Equal(TimeSpan.FromDays(2), policy.FollowUpAfter);
        Assert.All(policy.Rules, rule => Assert.Null(rule.Priority));
        Assert.Equal(5, policy.Rules.Count);
        Assert.Null(policy.Problem());
        Assert.Same(policy, SlaPolicy.Default);
    }

    [Fact]
    public void DefaultQueuedDeadlinesFallInWallTimeEvenAtNight()
    {
        var saturdayNight = new DateTimeOffset(2025, 3, 15, 23, 58, 0, TimeSpan.Zero);

        var deadlines = SlaPolicy.Default.Deadlines(ContactStatus.Queued, 3, saturdayNight);

        Assert.Equal(
            [
                new SlaDeadline(SlaDegree.Warning, saturdayNight + TimeSpan.FromSeconds(30), SlaAction.Notify),
                new SlaDeadline(SlaDegree.Violation, saturdayNight + TimeSpan.FromMinutes(2), SlaAction.Notify),
                new SlaDeadline(SlaDegree.Critical, saturdayNight + TimeSpan.FromMinutes(5), SlaAction.Redispatch),
            ],
            deadlines);
    }

    [Fact]
    public void DefaultSurvivesAJsonRoundTrip()
    {
        var policy = JsonSerializer.Deserialize<SlaPolicy>(JsonSerializer.Serialize(SlaPolicy.Default))!;

        Assert.Null(policy.Problem());
        Assert.Equal(SlaPolicy.Default.FollowUpAfter, policy.FollowUpAfter);
        Assert.All(
            Enum.GetValues<ContactStatus>(),
            status => Assert.Equal(
                SlaPolicy.Default.Deadlines(status, 2, Now),
                policy.Deadlines(status, 2, Now)));
    }

    [Fact]
    public void RuleForThePriorityWinsOverTheRuleForAnyPriority()
    {
        var policy = Policy(
            new SlaRule(ContactStatus.Queued, null, [Warn, Break]),
            new SlaRule(ContactStatus.Queued, 5, [Crit]));

        Assert.Equal([Crit], policy.ThresholdsFor(ContactStatus.Queued, 5));
        Assert.Equal([Warn, Break], policy.ThresholdsFor(ContactStatus.Queued, 4));
    }

    [Fact]
    public void RuleForThePriorityWinsWhereverItIsListed()
    {
        var policy = Policy(
            new SlaRule(ContactStatus.Queued, 1, [Crit]),
            new SlaRule(ContactStatus.Queued, null, [Warn]),
            new SlaRule(ContactStatus.Queued, 2, [Break]));

        Assert.Equal([Crit], policy.ThresholdsFor(ContactStatus.Queued, 1));
        Assert.Equal([Break], policy.ThresholdsFor(ContactStatus.Queued, 2));
        Assert.Equal([Warn], policy.ThresholdsFor(ContactStatus.Queued, 3));
    }

    [Fact]
    public void StatusWithoutARuleForItsPriorityOrAnyIsNotTimed()
    {
        var policy = Policy(new SlaRule(ContactStatus.Queued, 5, [Warn]), new SlaRule(ContactStatus.InProgress, null, [Break]));

        Assert.Empty(policy.ThresholdsFor(ContactStatus.Queued, 3));
        Assert.Empty(policy.ThresholdsFor(ContactStatus.Offered, 5));
        Assert.Empty(policy.Deadlines(ContactStatus.Offered, 5, Now));
    }

    [Fact]
    public void DeadlinesCountWorkingTimeOnTheCalendar()
    {
        var policy = Policy(new SlaRule(ContactStatus.InProgress, null, [Warn with { After = TimeSpan.FromHours(1) }, Break with { After = TimeSpan.FromHours(10) }])) with
        {
            Calendar = WorkCalendar.OfficeHours,
        };
        var fridayEvening = new DateTimeOffset(2025, 3, 14, 17, 30, 0, TimeSpan.Zero);

        var deadlines = policy.Deadlines(ContactStatus.InProgress, 3, fridayEvening);

        Assert.Equal(
            [
                new SlaDeadline(SlaDegree.Warning, new DateTimeOffset(2025, 3, 17, 9, 30, 0, TimeSpan.Zero), SlaAction.Notify),
                new SlaDeadline(SlaDegree.Violation, new DateTimeOffset(2025, 3, 18, 9, 30, 0, TimeSpan.Zero), SlaAction.Notify),
            ],
            deadlines);
    }

    [Fact]
    public void StatusEnteredOutsideWorkingHoursStartsCountingAtTheNextOpening()
    {
        var policy = Policy(new SlaRule(ContactStatus.Queued, null, [Warn])) with { Calendar = WorkCalendar.OfficeHours };
        var sunday = new DateTimeOffset(2025, 3, 16, 12, 0, 0, TimeSpan.Zero);

        var deadline = Assert.Single(policy.Deadlines(ContactStatus.Queued, 3, sunday));

        Assert.Equal(new DateTimeOffset(2025, 3, 17, 9, 10, 0, TimeSpan.Zero), deadline.DueAt);
    }

    [Fact]
    public void RulesForTheSameStatusAtDifferentPrioritiesAreFine()
    {
        var policy = Policy(
            new SlaRule(ContactStatus.Queued, null, [Warn]),
            new SlaRule(ContactStatus.Queued, 1, [Warn]),
            new SlaRule(ContactStatus.Queued, 5, [Warn, Break, Crit]),
            new SlaRule(ContactStatus.Offered, null, [Break]));

        Assert.Null(policy.Problem());
    }

    public static TheoryData<string, string> BadPolicies => new()
    {
        { "four thresholds", "has 4 thresholds: give it one to 3" },
        { "no thresholds", "has 0 thresholds: give it one to 3" },
        { "degrees descending", "lists Warning after Violation" },
        { "degree twice", "lists Warning after Warning" },
        { "times descending", "The Violation of Queued at any priority comes at 00:05:00, not after the Warning at 00:10:00" },
        { "equal times", "comes at 00:10:00, not after the Warning at 00:10:00" },
        { "zero time", "comes 00:00:00 after entering the status" },
        { "negative time", "comes -00:01:00 after entering the status" },
        { "same priority twice", "Two rules time Queued at priority 2" },
        { "any priority twice", "Two rules time Offered at any priority" },
        { "priority zero", "is for priority 0: priorities run from 1 to 5" },
        { "priority six", "is for priority 6: priorities run from 1 to 5" },
        { "no follow-up", "The follow-up comes 00:00:00 after" },
        { "follow-up before", "The follow-up comes -1.00:00:00 after" },
        { "bad calendar", "'Nowhere/Land' is unknown" },
        { "calendar without working days", "No weekday has working hours" },
    };

    [Theory]
    [MemberData(nameof(BadPolicies))]
    public void ProblemSaysWhyAPolicyIsUnusable(string name, string expected)
    {
        Assert.Contains(expected, Bad(name).Problem(), StringComparison.Ordinal);
    }

    private static SlaPolicy Bad(string name) => name switch
    {
        "four thresholds" => Policy(new SlaRule(ContactStatus.Queued, null, [Warn, Break, Crit, Crit with { After = TimeSpan.FromHours(1) }])),
        "no thresholds" => Policy(new SlaRule(ContactStatus.Queued, null, [])),
        "degrees descending" => Policy(new SlaRule(ContactStatus.Queued, null, [Break with { After = TimeSpan.FromMinutes(5) }, Warn])),
        "degree twice" => Policy(new SlaRule(ContactStatus.Queued, null, [Warn, Warn with { After = TimeSpan.FromMinutes(20) }])),
        "times descending" => Policy(new SlaRule(ContactStatus.Queued, null, [Warn, Break with { After = TimeSpan.FromMinutes(5) }])),
        "equal times" => Policy(new SlaRule(ContactStatus.Queued, null, [Warn, Break with { After = Warn.After }])),
        "zero time" => Policy(new SlaRule(ContactStatus.Queued, null, [Warn with { After = TimeSpan.Zero }])),
        "negative time" => Policy(new SlaRule(ContactStatus.Queued, null, [Warn with { After = TimeSpan.FromMinutes(-1) }, Break])),
        "same priority twice" => Policy(new SlaRule(ContactStatus.Queued, 2, [Warn]), new SlaRule(ContactStatus.Queued, 2, [Break])),
        "any priority twice" => Policy(new SlaRule(ContactStatus.Offered, null, [Warn]), new SlaRule(ContactStatus.Offered, null, [Warn])),
        "priority zero" => Policy(new SlaRule(ContactStatus.Queued, 0, [Warn])),
        "priority six" => Policy(new SlaRule(ContactStatus.Queued, 6, [Warn])),
        "no follow-up" => Policy(new SlaRule(ContactStatus.Queued, null, [Warn])) with { FollowUpAfter = TimeSpan.Zero },
        "follow-up before" => Policy(new SlaRule(ContactStatus.Queued, null, [Warn])) with { FollowUpAfter = TimeSpan.FromDays(-1) },
        "bad calendar" => SlaPolicy.Default with { Calendar = WorkCalendar.OfficeHours with { TimeZone = "Nowhere/Land" } },
        "calendar without working days" => SlaPolicy.Default with
        {
            Calendar = WorkCalendar.OfficeHours with { Week = new Dictionary<DayOfWeek, WorkingHours>() },
        },
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "No such bad policy."),
    };

    private static SlaPolicy Policy(params SlaRule[] rules) => new(WorkCalendar.AlwaysOpen, rules, TimeSpan.FromDays(2));
}
