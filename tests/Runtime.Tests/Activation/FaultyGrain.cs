using Helpdesk.Runtime.Core;

namespace Helpdesk.Runtime.Tests.Activation;

public interface IFaultyGrain : IGrainWithStringKey
{
    Task<string> PingAsync();
}

public interface IUnimplementedGrain : IGrainWithStringKey
{
    Task PingAsync();
}

/// <summary>Fails its first activation, as a grain whose storage blips would.</summary>
public sealed class FaultyGrain(Probe probe) : Grain, IFaultyGrain
{
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        probe.Record("activating");
        return probe.Count("activating") == 1
            ? throw new InvalidDataException("storage blipped")
            : Task.CompletedTask;
    }

    public Task<string> PingAsync() => Task.FromResult("pong");
}
