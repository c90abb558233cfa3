namespace Helpdesk.Runtime.Core;

/// <summary>The identity of a grain: its type name and its string key.</summary>
/// <param name="Type">The grain type name, e.g. <c>operator</c>.</param>
/// <param name="Key">The grain's key within its type, e.g. <c>op-17</c>.</param>
public readonly record struct GrainId(string Type, string Key)
{
    /// <summary>A hash of the identity that is the same in every process and on every run.</summary>
    /// <remarks>Partitions are derived from it, so it must never depend on <see cref="string.GetHashCode()"/>.</remarks>
    public uint StableHash => Core.StableHash.Of(Type, Key);

    /// <summary>The partition this grain belongs to among <paramref name="partitionCount"/> partitions.</summary>
    public int PartitionOf(int partitionCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(partitionCount);
        return (int)(StableHash % (uint)partitionCount);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Type}/{Key}";
}
