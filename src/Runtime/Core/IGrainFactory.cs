namespace Helpdesk.Runtime.Core;

/// <summary>Hands out typed references to grains; a reference activates its grain on first call.</summary>
public interface IGrainFactory
{
    /// <summary>A reference to the grain of interface <typeparamref name="TGrain"/> with key <paramref name="key"/>.</summary>
    TGrain Get<TGrain>(string key) where TGrain : IGrainWithStringKey;

    /// <summary>A reference to an existing grain identity through one of the interfaces it implements.</summary>
    TGrain Get<TGrain>(GrainId id) where TGrain : IGrain;
}
