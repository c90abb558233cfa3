using Helpdesk.Grains.Karma;

namespace Helpdesk.Grains.Customers;

/// <summary>What a customer grain stores.</summary>
internal sealed class CustomerState
{
    public bool Known { get; set; }

    public List<Rating> Ratings { get; set; } = [];

    public string? LastAgent { get; set; }

    public List<string> OpenContacts { get; set; } = [];

    public List<string> Exclusions { get; set; } = [];

    /// <summary>Their latest contacts that reached the center, oldest first, for the missed-call regulation.</summary>
    public List<ContactMark> Reached { get; set; } = [];
}

/// <summary>A contact that put a customer in touch with the center, and when.</summary>
/// <param name="ContactId">The contact.</param>
/// <param name="At">When it was created.</param>
internal sealed record ContactMark(string ContactId, DateTimeOffset At);
