using Helpdesk.Grains.Common;
using Helpdesk.Grains.Directory;

namespace Helpdesk.Grains.Access;

/// <summary>Remembers that the first admin key was issued, so that it is issued once.</summary>
[GrainType("first-key")]
internal sealed class FirstKeyGrain([PersistentState("first-key")] IPersistentState<FirstKeyState> state) : Grain, IFirstKeyGrain
{
    /// <summary>The name the first key is given, and the audit trail shows.</summary>
    public const string Holder = "first-admin";

    public async Task<bool> TryIssueAsync(string credentialId, byte[] secretHash)
    {
        if (state.State.CredentialId is not null)
        {
            return false;
        }

        var created = await GrainFactory.GetGrain<ICredentialGrain>(credentialId).CreateAsync(new Identity(Holder, Role.Admin), secretHash, "silo");
        if (created.Status != ReplyStatus.Ok)
        {
            return false;
        }

        await GrainFactory.GetGrain<IDirectoryGrain>(IDirectoryGrain.Credentials).AddAsync(credentialId);
        state.State.CredentialId = credentialId;
        await state.SaveAsync(DeactivateOnIdle);
        return true;
    }
}

/// <summary>Which credential was the first.</summary>
internal sealed class FirstKeyState
{
    /// <summary>Its id, once issued.</summary>
    public string? CredentialId { get; set; }
}
