using Helpdesk.Grains.Broadcasts;
using Helpdesk.Grains.Karma;
using Helpdesk.Grains.Routing;

namespace Helpdesk.Api.Customers;

/// <summary>What an IVR or web form should do with a customer who gets in touch, and the broadcasts to announce first.</summary>
/// <param name="OperatorRightAway">Offer "an operator right away" beside the regular and specific menus.</param>
/// <param name="SkipFirstLine">Send the request straight to the specialists.</param>
/// <param name="Department">The department suggested: the one the customer chose, if any.</param>
/// <param name="Line">The line suggested.</param>
/// <param name="Reason">Why, in words.</param>
/// <param name="Broadcasts">
/// The broadcasts active now to all, to the chosen department, and (when the topic is given) about the topic.
/// </param>
public sealed record EntryView(bool OperatorRightAway, bool SkipFirstLine, string? Department, Line Line, string Reason, IReadOnlyList<Broadcast> Broadcasts)
{
    /// <summary>The customer's entry decision with the broadcasts that concern them.</summary>
    public static EntryView From(EntryDecision decision, IReadOnlyList<Broadcast> broadcasts)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return new(decision.OperatorRightAway, decision.SkipFirstLine, decision.Department, decision.Line, decision.Reason, broadcasts);
    }
}
