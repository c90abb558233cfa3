namespace Helpdesk.Runtime.Persistence;

/// <summary>A stored state record: its JSON and its version tag.</summary>
/// <param name="Json">The state serialized as JSON.</param>
/// <param name="Etag">The version of the record.</param>
public sealed record StoredState(string Json, string Etag);
