using Helpdesk.Grains.Common;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Grains.Access;

/// <summary>
/// Keeps one API key. One activation in the cluster answers every silo's check; silos keep what it answered for a while
/// (<see cref="VerifiedKeys"/>), and a revocation makes every silo forget the key before it is answered, so a revoked key
/// is refused at once everywhere. Checks are read-only and interleave.
/// </summary>
[GrainType("credential")]
internal sealed class CredentialGrain(
    [PersistentState("credential")] IPersistentState<CredentialState> state,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider time,
    IKeyRevocations revocations) : Grain, ICredentialGrain
{
    private Credential? Record => state.State.Credential;

    public async Task<Reply<Credential>> CreateAsync(Identity identity, byte[] secretHash, string by)
    {
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentNullException.ThrowIfNull(secretHash);
        if (Record is not null)
        {
            return Reply<Credential>.Conflict($"Credential {this.GetPrimaryKeyString()} exists already.");
        }

        state.State.Credential = new Credential(this.GetPrimaryKeyString(), identity.Name, identity.Role, identity.OperatorId, time.GetUtcNow(), by);
        state.State.SecretHash = secretHash;
        await state.SaveAsync(DeactivateOnIdle);
        return Reply<Credential>.Ok(state.State.Credential);
    }

    public Task<Credential?> VerifyAsync(byte[] secretHash) =>
        Task.FromResult(Record is { RevokedAt: null } && ApiKey.Matches(state.State.SecretHash, secretHash) ? Record : null);

    public Task<bool> IsActiveAsync() => Task.FromResult(Record is { RevokedAt: null });

    public Task<Reply<Credential>> GetAsync() => Task.FromResult(Record is { } record ? Reply<Credential>.Ok(record) : Missing());

    public async Task<Reply<Credential>> RevokeAsync(string by)
    {
        if (Record is not { } record)
        {
            return Missing();
        }

        if (record.RevokedAt is null)
        {
            state.State.Credential = record with { RevokedAt = time.GetUtcNow(), RevokedBy = by };
            await state.SaveAsync(DeactivateOnIdle);
        }

        // Told again for a key revoked before, in case a silo was out of reach then.
        await revocations.ForgetEverywhereAsync(record.Id);
        return Reply<Credential>.Ok(state.State.Credential!);
    }

    private Reply<Credential> Missing() => Reply<Credential>.NotFound($"No credential {this.GetPrimaryKeyString()}.");
}

/// <summary>A credential's stored state.</summary>
internal sealed class CredentialState
{
    /// <summary>The record, once created.</summary>
    public Credential? Credential { get; set; }

    /// <summary>The SHA-256 of the key's secret.</summary>
    public byte[] SecretHash { get; set; } = [];
}
