namespace Helpdesk.Api.Metrics;

/// <summary>Compares tag lists by names and values, so that a recorded span of tags finds its series without being copied.</summary>
internal sealed class TagListComparer :
    IEqualityComparer<KeyValuePair<string, object?>[]>,
    IAlternateEqualityComparer<ReadOnlySpan<KeyValuePair<string, object?>>, KeyValuePair<string, object?>[]>
{
    public static TagListComparer Instance { get; } = new();

    public bool Equals(KeyValuePair<string, object?>[]? x, KeyValuePair<string, object?>[]? y) =>
        ReferenceEquals(x, y) || (x is not null && y is not null && Equals(x.AsSpan(), y));

    public int GetHashCode(KeyValuePair<string, object?>[] obj) => GetHashCode(obj.AsSpan());

    public bool Equals(ReadOnlySpan<KeyValuePair<string, object?>> alternate, KeyValuePair<string, object?>[] other)
    {
        if (alternate.Length != other.Length)
        {
            return false;
        }

        for (var i = 0; i < alternate.Length; i++)
        {
            if (!string.Equals(alternate[i].Key, other[i].Key, StringComparison.Ordinal) || !object.Equals(alternate[i].Value, other[i].Value))
            {
                return false;
            }
        }

        return true;
    }

    public int GetHashCode(ReadOnlySpan<KeyValuePair<string, object?>> alternate)
    {
        var hash = new HashCode();
        foreach (var tag in alternate)
        {
            hash.Add(tag.Key);
            hash.Add(tag.Value);
        }

        return hash.ToHashCode();
    }

    public KeyValuePair<string, object?>[] Create(ReadOnlySpan<KeyValuePair<string, object?>> alternate) => alternate.ToArray();
}
