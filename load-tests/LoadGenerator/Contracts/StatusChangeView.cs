namespace Helpdesk.LoadGenerator.Contracts;

/// <summary>One status a contact took, who set it and when.</summary>
internal sealed record StatusChangeView(string Status, DateTimeOffset At, string By, string? Note);
