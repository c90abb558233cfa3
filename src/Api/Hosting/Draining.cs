using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Helpdesk.Api.Hosting;

/// <summary>Winds the API down when the host stops: keeps serving for <see cref="ApiOptions.DrainDelay"/>, then ends the event streams.</summary>
/// <remarks>
/// Readiness fails from the moment the stop begins. Only after the delay do open event streams end (their desktops
/// reconnect elsewhere, resuming after their last event id), so that HTTP, which stops next, has no request left that
/// would never finish; the silo itself stops last.
/// </remarks>
public sealed class Draining(IOptions<ApiOptions> options, TimeProvider time) : IHostedLifecycleService, IDisposable
{
    private readonly CancellationTokenSource _streamsEnd = new();
    private volatile bool _started;

    /// <summary>Cancelled when open event streams must end.</summary>
    public CancellationToken StreamsEnd => _streamsEnd.Token;

    /// <summary>Whether the stop has begun; from then on, answers close their connections.</summary>
    public bool Started => _started;

    /// <summary>Waits out the drain delay, then ends the event streams.</summary>
    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        _started = true;
        try
        {
            await Task.Delay(options.Value.DrainDelay, time, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The stop is hurried (its timeout passed): the drain ends here, and the stop goes on.
        }

        await _streamsEnd.CancelAsync();
    }

    /// <inheritdoc/>
    public void Dispose() => _streamsEnd.Dispose();

    Task IHostedService.StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    Task IHostedService.StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    Task IHostedLifecycleService.StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    Task IHostedLifecycleService.StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    Task IHostedLifecycleService.StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
