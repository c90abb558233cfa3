using Microsoft.Extensions.Logging;
using Orleans.Runtime.Services;
using Orleans.Services;

namespace Helpdesk.Grains.Access;

/// <summary>Each silo's end of a revocation: forgets a key in that silo's <see cref="VerifiedKeys"/>.</summary>
[Alias("helpdesk.IKeyRevocationService")]
public interface IKeyRevocationService : IGrainService
{
    /// <summary>Forgets the key of <paramref name="credentialId"/> on this silo.</summary>
    [Alias("ForgetAsync")]
    Task ForgetAsync(string credentialId);
}

/// <summary>Runs on every silo, for <see cref="KeyRevocations"/>.</summary>
internal sealed class KeyRevocationService(GrainId id, Silo silo, ILoggerFactory loggers, VerifiedKeys keys)
    : GrainService(id, silo, loggers), IKeyRevocationService
{
    public Task ForgetAsync(string credentialId)
    {
        keys.Forget(credentialId);
        return Task.CompletedTask;
    }
}

/// <summary>Makes every silo of the cluster forget a revoked key before the revocation is answered.</summary>
public interface IKeyRevocations
{
    /// <summary>Tells every silo the membership knows alive to forget the key; a silo that does not answer within <see cref="KeyRevocations.Reach"/> is logged and keeps it at most <see cref="VerifiedKeys.Lifetime"/>.</summary>
    Task ForgetEverywhereAsync(string credentialId);
}

/// <inheritdoc cref="IKeyRevocations"/>
internal sealed partial class KeyRevocations(IServiceProvider services, IClusterMembershipService membership, ILogger<KeyRevocations> log)
    : GrainServiceClient<IKeyRevocationService>(services), IKeyRevocations
{
    /// <summary>How long a silo is given to forget a key.</summary>
    public static readonly TimeSpan Reach = TimeSpan.FromSeconds(5);

    public Task ForgetEverywhereAsync(string credentialId) =>
        Task.WhenAll(membership.CurrentSnapshot.Members.Values
            .Where(member => member.Status is not (SiloStatus.Dead or SiloStatus.None))
            .Select(member => ForgetAsync(member.SiloAddress, credentialId)));

    private async Task ForgetAsync(SiloAddress silo, string credentialId)
    {
        try
        {
            await GetGrainService(silo).ForgetAsync(credentialId).WaitAsync(Reach);
        }
        catch (Exception exception) when (exception is TimeoutException or OrleansException)
        {
            LogUnreached(log, credentialId, silo, exception.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Silo {Silo} was not told that key {CredentialId} is revoked ({Reason}); it may accept the key until its verification lapses.")]
    private static partial void LogUnreached(ILogger logger, string credentialId, SiloAddress silo, string reason);
}
