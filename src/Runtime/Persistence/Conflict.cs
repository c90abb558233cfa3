using Helpdesk.Runtime.Core;

namespace Helpdesk.Runtime.Persistence;

/// <summary>The one wording of a version conflict, shared by every store.</summary>
internal static class Conflict
{
    public static InconsistentStateException On(GrainId grainId, string stateName, string? expected, string? actual, string operation) =>
        new($"{operation} of state '{stateName}' of {grainId} expected version {expected ?? "(none)"} but the store holds {actual ?? "(none)"}: another activation wrote it. The activation is deactivated; call again to work on the stored state.");
}
