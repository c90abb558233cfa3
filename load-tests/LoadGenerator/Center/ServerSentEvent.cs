namespace Helpdesk.LoadGenerator.Center;

/// <summary>One server-sent event: its id, its type and its data.</summary>
internal sealed record ServerSentEvent(string? Id, string Type, string Data);
