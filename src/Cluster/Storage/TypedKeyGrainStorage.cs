using Helpdesk.Cluster.Hosting;
using Orleans.Storage;

namespace Helpdesk.Cluster.Storage;

/// <summary>Stores each grain's state under its whole identity, <c>type/key</c>, as the key Orleans' ADO.NET provider sees.</summary>
/// <remarks>
/// The ADO.NET provider (10.4) keys rows by state name and grain key only, and reads a string key that happens to be
/// hexadecimal as a number: operators <c>abe</c> and <c>ABE</c>, or customers <c>007</c> and <c>7</c>, would share one row.
/// A key holding the grain type and a slash is never a number, so it reaches the table whole, one row per grain
/// (dotnet/orleans#9706, #8746). Reminders already store the whole identity. Its database failures are made able to
/// travel between silos (<see cref="DatabaseFailure"/>). A write waits until the silo knows it is still a member after a
/// freeze (<see cref="FreezeGuard"/>): a call that was running when the silo froze must not store what it did then once
/// the silo has been declared dead and a survivor may hold the grain.
/// </remarks>
/// <param name="inner">The ADO.NET provider.</param>
/// <param name="guard">The silo's freeze guard; none in a cluster whose membership is not the product's.</param>
internal sealed class TypedKeyGrainStorage(IGrainStorage inner, FreezeGuard? guard) : IGrainStorage
{
    /// <inheritdoc/>
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        DatabaseFailure.Portable(() => inner.ReadStateAsync(stateName, Stored(grainId), grainState));

    /// <inheritdoc/>
    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await ServingAsync();
        await DatabaseFailure.Portable(() => inner.WriteStateAsync(stateName, Stored(grainId), grainState));
    }

    /// <inheritdoc/>
    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await ServingAsync();
        await DatabaseFailure.Portable(() => inner.ClearStateAsync(stateName, Stored(grainId), grainState));
    }

    private Task ServingAsync() => guard?.ServingAsync() ?? Task.CompletedTask;

    /// <summary>The identity the provider is given: the same type, keyed by the whole <c>type/key</c>.</summary>
    internal static GrainId Stored(GrainId grainId) => GrainId.Create(grainId.Type, grainId.ToString());
}
