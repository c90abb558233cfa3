namespace Helpdesk.Benchmarks.Center;

/// <summary>What operators' ratings have made of a seeded customer, and so how their contacts are routed.</summary>
internal enum CustomerKind
{
    /// <summary>Never rated: the first line takes them.</summary>
    New,

    /// <summary>Rated literate and calm: the specialists take them, and operators meeting their KPI are preferred.</summary>
    LiterateCalm,

    /// <summary>Rated difficult: the first-line operator with the least difficulty load takes them.</summary>
    Difficult,

    /// <summary>Rated literate and difficult: the specialist with the least difficulty load takes them.</summary>
    LiterateDifficult,
}
