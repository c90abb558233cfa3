namespace Helpdesk.LoadGenerator.Center;

/// <summary>What a customer is like, as the operators who handle their contacts rate them.</summary>
internal enum CustomerKind
{
    /// <summary>Rated literacy 3, temperament 3.</summary>
    Ordinary,

    /// <summary>Rated literacy 5: once known well enough, they skip the first line.</summary>
    Literate,

    /// <summary>Rated temperament 1: spread fairly by difficulty load.</summary>
    Difficult,

    /// <summary>Rated temperament 5: favours operators meeting their KPI.</summary>
    Calm,
}
