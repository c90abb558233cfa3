using Helpdesk.Grains.Common;
using Orleans.Concurrency;

namespace Helpdesk.Grains.Access;

/// <summary>One API key, by its credential id: the hash of its secret, whom it speaks for, and whether it was revoked.</summary>
[Alias("helpdesk.ICredentialGrain")]
public interface ICredentialGrain : IGrainWithStringKey
{
    /// <summary>Creates the credential; refused when the id is taken.</summary>
    [Alias("CreateAsync")]
    Task<Reply<Credential>> CreateAsync(Identity identity, byte[] secretHash, string by);

    /// <summary>The credential when <paramref name="secretHash"/> is its secret's and it is not revoked; otherwise <see langword="null"/>.</summary>
    [Alias("VerifyAsync"), ReadOnly]
    Task<Credential?> VerifyAsync(byte[] secretHash);

    /// <summary>Whether the credential exists and is not revoked.</summary>
    [Alias("IsActiveAsync"), ReadOnly]
    Task<bool> IsActiveAsync();

    /// <summary>The record, revoked or not.</summary>
    [Alias("GetAsync"), ReadOnly]
    Task<Reply<Credential>> GetAsync();

    /// <summary>Revokes it: from the next request on, on every silo, it is refused.</summary>
    [Alias("RevokeAsync")]
    Task<Reply<Credential>> RevokeAsync(string by);
}
