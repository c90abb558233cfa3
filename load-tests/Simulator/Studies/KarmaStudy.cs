using Helpdesk.Simulator.Model;

namespace Helpdesk.Simulator.Studies;

/// <summary>
/// One support department of 10 first-line operators and 6 specialists, with karma on and off: the operator time saved when
/// literate customers skip the first line, and how evenly difficult customers spread with difficulty fairness on and off.
/// </summary>
/// <remarks>
/// 10,000 customers: 20% rated literate, 10% rated difficult, by two specialists each. A first-line conversation lasts 300 s and
/// a specialist's 420 s (exponential); the first line passes on 20% of contacts, and 80% of a literate customer's, to a specialist.
/// Contacts arrive at 8 erlangs of first-line work.
/// </remarks>
public static class KarmaStudy
{
    /// <summary>The settings compared.</summary>
    public static IReadOnlyList<(string Name, bool Karma, bool Fairness)> Settings { get; } =
    [
        ("karma on, fairness on", true, true),
        ("karma off, fairness on", false, true),
        ("karma on, fairness off", true, false),
    ];

    /// <summary>The scenario of one setting, measured for <paramref name="measured"/> after an hour's warm-up.</summary>
    public static Scenario Scenario(bool karma, bool fairness, TimeSpan measured) => new(
        $"karma {(karma ? "on" : "off")}, fairness {(fairness ? "on" : "off")}",
        [new DepartmentSpec("support", [new LoadStep(TimeSpan.Zero, 8)], FirstLine: 10, Specialists: 6)],
        Staffing.Dedicated,
        Distribution.Exponential(300),
        Distribution.Exponential(180),
        measured + TimeSpan.FromHours(1),
        TimeSpan.FromHours(1))
    {
        SpecialistHandleTime = Distribution.Exponential(420),
        Customers = new CustomerMix(10_000, Literate: 0.2, Difficult: 0.1, NeedsSpecialist: 0.2, LiterateNeedsSpecialist: 0.8),
        Karma = karma,
        Fairness = fairness,
    };

    /// <summary>Every setting, replicated.</summary>
    public static IReadOnlyList<KarmaRow> Run(int replications, TimeSpan measured, int firstSeed = 1) =>
    [
        .. Settings.Select(setting => new KarmaRow(
            setting.Name, setting.Karma, setting.Fairness, Engine.Simulator.Replicate(Scenario(setting.Karma, setting.Fairness, measured), replications, firstSeed))),
    ];
}
