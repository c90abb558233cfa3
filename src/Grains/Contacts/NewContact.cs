using Helpdesk.Grains.Routing;

namespace Helpdesk.Grains.Contacts;

/// <summary>A contact as a customer, an IVR or a web form submits it.</summary>
/// <param name="CustomerId">Who is in touch.</param>
/// <param name="Channel">How.</param>
/// <param name="Topic">What about.</param>
/// <param name="Department">The department chosen.</param>
/// <param name="Priority">1 (low) to 5 (urgent).</param>
/// <param name="Skill">The skill it needs, if any.</param>
/// <param name="MinProficiency">The least proficiency in that skill.</param>
/// <param name="Category">The topic's category, for the top request reasons by category.</param>
[GenerateSerializer, Alias("helpdesk.NewContact")]
public sealed record NewContact(
    [property: Id(0)] string CustomerId,
    [property: Id(1)] Channel Channel,
    [property: Id(2)] string Topic,
    [property: Id(3)] string Department,
    [property: Id(4)] int Priority,
    [property: Id(5)] string? Skill,
    [property: Id(6)] int MinProficiency,
    [property: Id(7)] string? Category = null);
