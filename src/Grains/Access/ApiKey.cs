using System.Security.Cryptography;
using System.Text;

namespace Helpdesk.Grains.Access;

/// <summary>
/// An API key: <c>hd_</c>, the credential's id, <c>_</c>, and a 256-bit secret. The id finds the credential; only the
/// SHA-256 of the secret is stored (a random 256-bit secret needs no slow hash), and it is compared in constant time.
/// </summary>
public static class ApiKey
{
    /// <summary>How every key begins.</summary>
    public const string Prefix = "hd_";

    private const int IdLength = 12;

    /// <summary>A new key: its credential's id, the key as the caller sends it, and the hash that is kept.</summary>
    public static (string Id, string Key, byte[] Hash) New()
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(IdLength / 2));
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        return (id, $"{Prefix}{id}_{secret}", Hash(secret));
    }

    /// <summary>Splits a key into its credential's id and the hash of its secret; <see langword="false"/> when it is not shaped as a key.</summary>
    public static bool TryParse(string? key, out string id, out byte[] hash)
    {
        id = "";
        hash = [];
        if (key is null || !key.StartsWith(Prefix, StringComparison.Ordinal) || key.Length < Prefix.Length + IdLength + 2 || key[Prefix.Length + IdLength] != '_')
        {
            return false;
        }

        id = key.Substring(Prefix.Length, IdLength);
        hash = Hash(key[(Prefix.Length + IdLength + 1)..]);
        return true;
    }

    /// <summary>The SHA-256 of a secret.</summary>
    public static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    /// <summary>Whether two hashes are equal, in time that does not depend on where they differ.</summary>
    public static bool Matches(byte[] stored, byte[] presented) => CryptographicOperations.FixedTimeEquals(stored, presented);

    /// <summary>A random secret for short-lived tickets: 256 bits, URL-safe.</summary>
    public static string NewSecret() => Base64Url(RandomNumberGenerator.GetBytes(32));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
