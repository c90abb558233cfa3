namespace Helpdesk.Grains.Routing;

/// <summary>Timed escalation: after configured waits a contact widens its pool.</summary>
public static class Escalation
{
    /// <summary>The steps <paramref name="contact"/> has become due for since it entered the queue, in order.</summary>
    public static IEnumerable<EscalationStep> Due(WaitingContact contact, IReadOnlyList<EscalationStep> steps, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(contact);
        ArgumentNullException.ThrowIfNull(steps);
        var waited = now - contact.EnteredAt;
        return steps.Skip(contact.EscalationsApplied).TakeWhile(step => step.After <= waited);
    }

    /// <summary>The contact after <paramref name="step"/>; a move to a neighbouring department leaves it as it is.</summary>
    public static WaitingContact Apply(WaitingContact contact, EscalationStep step)
    {
        ArgumentNullException.ThrowIfNull(contact);
        ArgumentNullException.ThrowIfNull(step);
        var applied = contact with { EscalationsApplied = contact.EscalationsApplied + 1 };
        return step.Action switch
        {
            EscalationAction.NextLine => applied with { MaxLine = contact.MaxLine == Line.L3 ? Line.L3 : contact.MaxLine + 1 },
            EscalationAction.RelaxSkill => applied with { Skill = null },
            _ => applied,
        };
    }
}
