namespace Helpdesk.Runtime.Persistence;

/// <summary>A state write found that the stored state is not the version this activation read.</summary>
/// <remarks>Another writer got there first. The activation is deactivated, so the next call reads the stored state afresh.</remarks>
public sealed class InconsistentStateException(string message) : Exception(message);
