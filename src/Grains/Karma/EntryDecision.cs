using Helpdesk.Grains.Routing;

namespace Helpdesk.Grains.Karma;

/// <summary>What an IVR or web form should do with a customer who gets in touch.</summary>
/// <param name="OperatorRightAway">Offer "an operator right away" beside the regular and specific menus.</param>
/// <param name="SkipFirstLine">Send the request straight to the specialists.</param>
/// <param name="Department">The department suggested: the one the customer chose, if any.</param>
/// <param name="Line">The line suggested.</param>
/// <param name="Reason">Why, in words.</param>
[GenerateSerializer, Alias("helpdesk.EntryDecision")]
public sealed record EntryDecision(
    [property: Id(0)] bool OperatorRightAway,
    [property: Id(1)] bool SkipFirstLine,
    [property: Id(2)] string? Department,
    [property: Id(3)] Line Line,
    [property: Id(4)] string Reason);
