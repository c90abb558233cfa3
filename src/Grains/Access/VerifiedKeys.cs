using System.Collections.Concurrent;

namespace Helpdesk.Grains.Access;

/// <summary>
/// The API keys this silo verified lately, so that a request need not ask the credential's grain every time. A
/// revocation makes every silo forget the key before it is answered (<see cref="KeyRevocations"/>); an entry also lapses
/// after <see cref="Lifetime"/>, for a silo the revocation could not reach.
/// </summary>
/// <param name="clock">The clock entries lapse by.</param>
public sealed class VerifiedKeys(TimeProvider clock)
{
    /// <summary>How long a verification is trusted without asking the credential's grain again.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private long _forgotten;

    /// <summary>How many keys were forgotten so far: read it before asking the grain, and hand it to <see cref="Remember"/>.</summary>
    public long Forgotten => Interlocked.Read(ref _forgotten);

    /// <summary>The credential of a key verified lately whose secret hashes to <paramref name="secretHash"/>; otherwise <see langword="null"/>.</summary>
    public Credential? Find(string credentialId, byte[] secretHash) =>
        _entries.TryGetValue(credentialId, out var entry) && clock.GetUtcNow() < entry.Until && ApiKey.Matches(entry.SecretHash, secretHash)
            ? entry.Credential
            : null;

    /// <summary>
    /// Keeps a verification, unless a key was forgotten since <paramref name="forgottenBefore"/> was read: a revocation
    /// that overtook the grain's answer must not be undone by it.
    /// </summary>
    public void Remember(Credential credential, byte[] secretHash, long forgottenBefore)
    {
        ArgumentNullException.ThrowIfNull(credential);
        lock (_gate)
        {
            if (_forgotten == forgottenBefore)
            {
                _entries[credential.Id] = new Entry(credential, secretHash, clock.GetUtcNow() + Lifetime);
            }
        }
    }

    /// <summary>Forgets a key: its next request asks its grain.</summary>
    public void Forget(string credentialId)
    {
        lock (_gate)
        {
            _forgotten++;
            _entries.TryRemove(credentialId, out _);
        }
    }

    private sealed record Entry(Credential Credential, byte[] SecretHash, DateTimeOffset Until);
}
