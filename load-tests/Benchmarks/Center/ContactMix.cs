using Helpdesk.Grains.Contacts;
using Helpdesk.Grains.Karma;
using Helpdesk.Grains.Routing;

namespace Helpdesk.Benchmarks.Center;

/// <summary>The contacts the suites send: a pure function of a sequence number, so every side and every run sends the same mix.</summary>
/// <remarks>
/// Chats only (the operators' capacity is in chats), spread evenly over the departments and customers; priority 1–5;
/// half of them need one of the four skills at proficiency 1, 2 or 3.
/// </remarks>
internal static class ContactMix
{
    public const string Description = "chats spread evenly over the 50 departments and the customers, priority 1–5, half of them needing one of the 4 skills at proficiency 1–3";

    private const string Topic = "Cannot sign in to the customer portal after changing my password";
    private static readonly HashSet<string> NoExclusions = new(StringComparer.Ordinal);

    public static NewContact For(long sequence)
    {
        var (_, contact) = Draw(sequence);
        return contact;
    }

    /// <summary>The contact as a department would route it, built by the same pure rules the contact grain applies to its customer's karma.</summary>
    public static WaitingContact RoutingOf(long sequence, DateTimeOffset now)
    {
        var (customer, contact) = Draw(sequence);
        var policy = KarmaPolicy.Default;
        var karma = KarmaCalculator.Of(CallCenter.RatingsOf(customer, now), now, policy);
        var entry = EntryRule.Decide(karma, contact.Channel, contact.Department, policy);
        return new WaitingContact(
            $"k-{sequence}", contact.CustomerId, contact.Channel, contact.Priority, entry.Line, entry.Line, contact.Skill, contact.MinProficiency,
            KarmaCalculator.Difficulty(karma), KarmaCalculator.IsCalm(karma, policy), null, NoExclusions, null, now, now);
    }

    private static (int Customer, NewContact Contact) Draw(long sequence)
    {
        var bits = Scramble((ulong)sequence);
        var customer = (int)(bits % CallCenter.Customers);
        var department = (int)((bits >> 20) % CallCenter.Departments);
        var priority = 1 + (int)((bits >> 28) % 5);
        var needsSkill = ((bits >> 36) & 1) == 0;
        var skill = needsSkill ? CallCenter.Skills[(int)((bits >> 37) % (ulong)CallCenter.Skills.Count)] : null;
        var minProficiency = needsSkill ? 1 + (int)((bits >> 40) % 3) : 1;
        return (customer, new NewContact(CallCenter.CustomerId(customer), Channel.Chat, Topic, CallCenter.DepartmentId(department), priority, skill, minProficiency));
    }

    /// <summary>SplitMix64's finalizer: neighbouring sequence numbers get unrelated bits.</summary>
    private static ulong Scramble(ulong value)
    {
        value += 0x9E3779B97F4A7C15;
        value = (value ^ (value >> 30)) * 0xBF58476D1CE4E5B9;
        value = (value ^ (value >> 27)) * 0x94D049BB133111EB;
        return value ^ (value >> 31);
    }
}
