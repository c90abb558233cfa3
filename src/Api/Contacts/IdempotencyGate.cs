using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Helpdesk.Api.Contacts;

/// <summary>Idempotency keys: the contact id a key stands for, and the keys whose first request is still running here.</summary>
/// <remarks>
/// The contact grain keyed by the key's hash replays its receipt for the same body and refuses another body, on
/// every silo. A repeat that arrives while the first request is still running on this silo is refused with 409.
/// </remarks>
internal sealed class IdempotencyGate
{
    /// <summary>Where a request keeps the fresh id it was given.</summary>
    private static readonly object FreshIdItem = new();

    private readonly ConcurrentDictionary<string, byte> _running = new(StringComparer.Ordinal);

    /// <summary>The contact id for an idempotency key, or without a key one of <paramref name="request"/>'s own.</summary>
    public static string ContactIdFor(string? key, HttpContext request) => IdFor("c", key, request);

    /// <summary>
    /// An id, <paramref name="prefix"/> and 24 hex digits, derived from an idempotency key, or without a key a fresh one
    /// that every attempt of <paramref name="request"/> shares (see <see cref="Hosting.UndeliveredCallRetry"/>), so that a
    /// repeat finds what an earlier attempt may have created.
    /// </summary>
    public static string IdFor(string prefix, string? key, HttpContext request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (key is not null)
        {
            return $"{prefix}-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..24]}";
        }

        if (request.Items.TryGetValue(FreshIdItem, out var fresh) && fresh is string id)
        {
            return id;
        }

        id = $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 25)];
        request.Items[FreshIdItem] = id;
        return id;
    }

    /// <summary>A fingerprint of the request body.</summary>
    public static string Fingerprint(byte[] body) => Convert.ToHexStringLower(SHA256.HashData(body));

    /// <summary>Marks <paramref name="key"/> as running; <see langword="false"/> when it already is.</summary>
    public bool TryEnter(string key) => _running.TryAdd(key, 0);

    public void Exit(string key) => _running.TryRemove(key, out _);
}
