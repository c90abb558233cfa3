namespace Helpdesk.Grains.Routing;

/// <summary>What a department knows of one member operator: pushed by the operator on every change.</summary>
/// <param name="OperatorId">The operator.</param>
/// <param name="Line">Their line.</param>
/// <param name="Skills">Skill name → proficiency 1–5.</param>
/// <param name="Presence">Their presence.</param>
/// <param name="FreeCapacity">How many more contacts of each channel they can take now.</param>
/// <param name="ActiveContacts">Contacts offered to them or in progress.</param>
/// <param name="DifficultyLoad">The temperament-weighted load of this shift.</param>
/// <param name="MeetsKpi">Whether they meet their KPI this month (earns calm customers).</param>
/// <param name="IdleSince">When their last contact ended, or their shift began.</param>
/// <param name="Version">Grows with every change, so a late push never overwrites a newer one.</param>
[GenerateSerializer, Alias("helpdesk.MemberView")]
public sealed record MemberView(
    [property: Id(0)] string OperatorId,
    [property: Id(1)] Line Line,
    [property: Id(2)] IReadOnlyDictionary<string, int> Skills,
    [property: Id(3)] Presence Presence,
    [property: Id(4)] IReadOnlyDictionary<Channel, int> FreeCapacity,
    [property: Id(5)] int ActiveContacts,
    [property: Id(6)] double DifficultyLoad,
    [property: Id(7)] bool MeetsKpi,
    [property: Id(8)] DateTimeOffset IdleSince,
    [property: Id(9)] long Version)
{
    /// <summary>Whether they can take a contact of <paramref name="channel"/> now.</summary>
    public bool CanTake(Channel channel) =>
        Presence is Presence.Available or Presence.Busy && FreeCapacity.GetValueOrDefault(channel) > 0;

    /// <summary>Whether they can take a contact of any channel now.</summary>
    public bool CanTakeAny() => FreeCapacity.Keys.Any(CanTake);

    /// <summary>Their proficiency in <paramref name="skill"/>, 0 when they lack it.</summary>
    public int Proficiency(string? skill) => skill is null ? 0 : Skills.GetValueOrDefault(skill);
}
