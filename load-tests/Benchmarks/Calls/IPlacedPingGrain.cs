namespace Helpdesk.Benchmarks.Calls;

/// <summary>A ping grain that activates on the silo its first call comes from, and says which silo that is.</summary>
[Alias("benchmarks.IPlacedPingGrain")]
internal interface IPlacedPingGrain : IGrainWithStringKey
{
    [Alias("Ping")]
    Task<int> Ping(int value);

    [Alias("Silo")]
    Task<string> Silo();
}
