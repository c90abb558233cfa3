using Orleans.Storage;

namespace Helpdesk.Cluster.Storage;

/// <summary>Stores each grain's state under its whole identity, <c>type/key</c>, as the key Orleans' ADO.NET provider sees.</summary>
/// <remarks>
/// The ADO.NET provider (10.4) keys rows by state name and grain key only, and reads a string key that happens to be
/// hexadecimal as a number: operators <c>abe</c> and <c>ABE</c>, or customers <c>007</c> and <c>7</c>, would share one row.
/// A key holding the grain type and a slash is never a number, so it reaches the table whole, one row per grain
/// (dotnet/orleans#9706, #8746). Reminders already store the whole identity. Its database failures are made able to
/// travel between silos (<see cref="DatabaseFailure"/>).
/// </remarks>
/// <param name="inner">The ADO.NET provider.</param>
public sealed class TypedKeyGrainStorage(IGrainStorage inner) : IGrainStorage
{
    /// <inheritdoc/>
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        DatabaseFailure.Portable(() => inner.ReadStateAsync(stateName, Stored(grainId), grainState));

    /// <inheritdoc/>
    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        DatabaseFailure.Portable(() => inner.WriteStateAsync(stateName, Stored(grainId), grainState));

    /// <inheritdoc/>
    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        DatabaseFailure.Portable(() => inner.ClearStateAsync(stateName, Stored(grainId), grainState));

    /// <summary>The identity the provider is given: the same type, keyed by the whole <c>type/key</c>.</summary>
    internal static GrainId Stored(GrainId grainId) => GrainId.Create(grainId.Type, grainId.ToString());
}
