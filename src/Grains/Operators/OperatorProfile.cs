using Helpdesk.Grains.Routing;

namespace Helpdesk.Grains.Operators;

/// <summary>Who an operator is and what they can take.</summary>
/// <param name="Name">Their name.</param>
/// <param name="Line">Their line.</param>
/// <param name="Skills">Skill name → proficiency 1–5.</param>
/// <param name="Departments">The departments they may serve; the first is their home.</param>
/// <param name="Capacity">How many contacts of each channel they hold at once (e.g. 1 call, 3 chats).</param>
/// <param name="WrapUp">How long they stay in wrap-up after a contact.</param>
[GenerateSerializer, Alias("helpdesk.OperatorProfile")]
public sealed record OperatorProfile(
    [property: Id(0)] string Name,
    [property: Id(1)] Line Line,
    [property: Id(2)] IReadOnlyDictionary<string, int> Skills,
    [property: Id(3)] IReadOnlyList<string> Departments,
    [property: Id(4)] IReadOnlyDictionary<Channel, int> Capacity,
    [property: Id(5)] TimeSpan WrapUp)
{
    /// <summary>The capacity when none is given: 1 call, 3 chats, 5 e-mails, 3 web forms.</summary>
    public static IReadOnlyDictionary<Channel, int> DefaultCapacity { get; } = new Dictionary<Channel, int>
    {
        [Channel.Phone] = 1,
        [Channel.Chat] = 3,
        [Channel.Email] = 5,
        [Channel.Web] = 3,
    };
}
