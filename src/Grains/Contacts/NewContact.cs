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
public sealed record NewContact(string CustomerId, Channel Channel, string Topic, string Department, int Priority, string? Skill, int MinProficiency, string? Category = null);
