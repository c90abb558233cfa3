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
}
