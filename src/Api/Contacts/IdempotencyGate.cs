using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Helpdesk.Api.Contacts;

/// <summary>Idempotency keys: the contact id a key stands for, and the keys whose first request is still running here.</summary>
/// <remarks>
/// The contact grain keyed by the key's hash replays its receipt for the same body and refuses another body, on
/// every silo. A repeat that arrives while the first request is still running on this silo is refused with 409.
/// </remarks>
internal sealed class IdempotencyGate
{
    private readonly ConcurrentDictionary<string, byte> _running = new(StringComparer.Ordinal);

    /// <summary>The contact id for an idempotency key, or a fresh one without a key.</summary>
    public static string ContactIdFor(string? key) => IdFor("c", key);

    /// <summary>An id, <paramref name="prefix"/> and 24 hex digits, derived from an idempotency key, or a fresh one without a key.</summary>
    public static string IdFor(string prefix, string? key) =>
        key is null
            ? $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 25)]
            : $"{prefix}-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..24]}";

    /// <summary>A fingerprint of the request body.</summary>
    public static string Fingerprint(byte[] body) => Convert.ToHexStringLower(SHA256.HashData(body));

    /// <summary>Marks <paramref name="key"/> as running; <see langword="false"/> when it already is.</summary>
    public bool TryEnter(string key) => _running.TryAdd(key, 0);

    public void Exit(string key) => _running.TryRemove(key, out _);
}
