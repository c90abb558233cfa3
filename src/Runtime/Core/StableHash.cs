using System.Text;

namespace Helpdesk.Runtime.Core;

/// <summary>32-bit FNV-1a over UTF-8, identical across processes, machines and runs.</summary>
internal static class StableHash
{
    private const uint OffsetBasis = 2166136261;
    private const uint Prime = 16777619;

    public static uint Of(string type, string key)
    {
        var hash = Append(OffsetBasis, type);
        hash = (hash ^ '/') * Prime;
        return Append(hash, key);
    }

    private static uint Append(uint hash, string text)
    {
        Span<byte> buffer = stackalloc byte[256];
        var byteCount = Encoding.UTF8.GetByteCount(text);
        var bytes = byteCount <= buffer.Length ? buffer[..byteCount] : new byte[byteCount];
        Encoding.UTF8.GetBytes(text, bytes);
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * Prime;
        }

        return hash;
    }
}
