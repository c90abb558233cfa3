using Helpdesk.Runtime.Cluster;
using Helpdesk.Runtime.Core;

namespace Helpdesk.Runtime.Persistence;

/// <summary>Where grain state lives: records keyed by grain type, key and state name, each with a version tag.</summary>
/// <remarks>Every implementation passes the same conformance suite; a conflicting write or clear throws <see cref="InconsistentStateException"/>.</remarks>
public interface IGrainStorage
{
    /// <summary>The stored record, or <see langword="null"/> when there is none.</summary>
    Task<StoredState?> ReadAsync(GrainId grainId, string stateName, CancellationToken cancellationToken);

    /// <summary>Writes the record if its version is still <paramref name="etag"/> (<see langword="null"/>: no record yet) and returns the new version.</summary>
    /// <remarks>With a <paramref name="fence"/>, a store shared by a cluster also checks, in the same statement, that the writer still holds the grain's partition at that epoch.</remarks>
    Task<string> WriteAsync(GrainId grainId, string stateName, string json, string? etag, Fence? fence, CancellationToken cancellationToken);

    /// <summary>Deletes the record if its version is still <paramref name="etag"/>; a no-op when there is no record and <paramref name="etag"/> is <see langword="null"/>.</summary>
    /// <remarks>Fenced like <see cref="WriteAsync"/>.</remarks>
    Task ClearAsync(GrainId grainId, string stateName, string? etag, Fence? fence, CancellationToken cancellationToken);
}
