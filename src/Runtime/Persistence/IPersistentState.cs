namespace Helpdesk.Runtime.Persistence;

/// <summary>A grain's durable state, read before activation and written when the grain says so.</summary>
/// <typeparam name="TState">A class with a parameterless constructor, serialized as JSON.</typeparam>
public interface IPersistentState<TState>
{
    /// <summary>The current state; a new <typeparamref name="TState"/> when nothing was stored.</summary>
    TState State { get; set; }

    /// <summary>The version of the stored state this activation last read or wrote; <see langword="null"/> when none is stored.</summary>
    string? Etag { get; }

    /// <summary>Whether a stored record exists.</summary>
    bool RecordExists { get; }

    /// <summary>Reads the stored state again, replacing <see cref="State"/>.</summary>
    Task ReadStateAsync(CancellationToken cancellationToken = default);

    /// <summary>Writes <see cref="State"/>; throws <see cref="InconsistentStateException"/> if the stored version changed since this activation read it.</summary>
    Task WriteStateAsync(CancellationToken cancellationToken = default);

    /// <summary>Deletes the stored state and resets <see cref="State"/>; version-checked like a write.</summary>
    Task ClearStateAsync(CancellationToken cancellationToken = default);
}
