using Helpdesk.Grains.Routing;

namespace Helpdesk.Grains.Karma;

/// <summary>Entry by karma: a technically literate customer skips the first line.</summary>
public static class EntryRule
{
    /// <summary>The entry for a customer with <paramref name="karma"/> arriving on <paramref name="channel"/>.</summary>
    /// <param name="karma">The customer's karma.</param>
    /// <param name="channel">The channel they arrive on.</param>
    /// <param name="chosenDepartment">The department they chose, if any.</param>
    /// <param name="policy">The karma numbers.</param>
    public static EntryDecision Decide(CustomerKarma karma, Channel channel, string? chosenDepartment, KarmaPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(karma);
        ArgumentNullException.ThrowIfNull(policy);
        if (!KarmaCalculator.IsLiterate(karma, policy))
        {
            var why = karma.Literacy.Confidence < policy.MinConfidence
                ? $"literacy not known well enough (confidence {karma.Literacy.Confidence:0.00} < {policy.MinConfidence:0.00}): first line"
                : $"literacy {karma.Literacy.Score:0.00} below {policy.LiterateFrom:0.00}: first line";
            return new EntryDecision(false, false, chosenDepartment, Line.L1, why);
        }

        var reason = $"literacy {karma.Literacy.Score:0.00} (confidence {karma.Literacy.Confidence:0.00}) skips the first line";
        return new EntryDecision(
            OperatorRightAway: channel == Channel.Phone,
            SkipFirstLine: true,
            chosenDepartment,
            Line.L2,
            chosenDepartment is null ? $"{reason}: to the specialists" : $"{reason}: to the specialists of {chosenDepartment}");
    }
}
