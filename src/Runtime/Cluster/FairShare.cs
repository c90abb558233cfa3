namespace Helpdesk.Runtime.Cluster;

/// <summary>How many partitions a silo should hold, and which to give up or take.</summary>
internal static class FairShare
{
    /// <summary>Each live silo's share: the partitions divided evenly, rounded up so that every partition has a taker.</summary>
    public static int Of(int partitionCount, int liveSilos) =>
        liveSilos <= 0 ? partitionCount : (partitionCount + liveSilos - 1) / liveSilos;

    /// <summary>The partitions to give up: those above the share, highest first, so silos converge on disjoint low and high ranges.</summary>
    public static IReadOnlyList<int> ToShed(IReadOnlyCollection<int> owned, int share) =>
        owned.Count <= share ? [] : [.. owned.OrderDescending().Take(owned.Count - share)];

    /// <summary>How many free or expired partitions to take.</summary>
    public static int ToAcquire(int owned, int share) => Math.Max(0, share - owned);
}
