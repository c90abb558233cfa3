using Helpdesk.Grains.Access;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Helpdesk.Api.Access;

/// <summary>
/// Secure by default, and still two commands to start: when the cluster has never had a key and none is configured, the
/// silo creates an admin key once it is up, prints it once, and writes it to <see cref="AccessOptions.FirstKeyFile"/>.
/// However many silos start together, one key is issued (<see cref="IFirstKeyGrain"/>).
/// </summary>
public sealed partial class FirstAdminKey(IOptions<AccessOptions> access, IGrainFactory grains, IHostApplicationLifetime lifetime, ILogger<FirstAdminKey> log) : BackgroundService
{
    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (access.Value.Disabled || !string.IsNullOrEmpty(access.Value.AdminKey))
        {
            return;
        }

        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(started.SetResult))
        using (stoppingToken.Register(() => started.TrySetCanceled()))
        {
            await started.Task;
        }

        var (id, key, hash) = ApiKey.New();
        if (!await grains.GetGrain<IFirstKeyGrain>(IFirstKeyGrain.Cluster).TryIssueAsync(id, hash))
        {
            return;
        }

        var file = Path.GetFullPath(access.Value.FirstKeyFile);
        var create = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            // Readable by the silo's user alone from the moment it exists.
            create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using (var writer = new StreamWriter(file, create))
        {
            await writer.WriteLineAsync(key.AsMemory(), stoppingToken);
        }
        LogIssued(log, key, file);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The cluster had no API key: its first admin key is {Key} (also in {File}). It is shown only this once; create keys per role with it (POST /api/credentials) and keep it safe.")]
    private static partial void LogIssued(ILogger logger, string key, string file);
}
