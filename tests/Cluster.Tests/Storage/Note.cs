namespace Helpdesk.Cluster.Tests.Storage;

/// <summary>A grain state to store: a count and some words.</summary>
public sealed class Note
{
    public int Count { get; set; }

    public string Text { get; set; } = "";
}
