using Helpdesk.Runtime.Core;

namespace Helpdesk.Runtime.Tests.Core;

public sealed class GrainIdTests
{
    [Fact]
    public void StableHashIsTheSameOnEveryRun()
    {
        // FNV-1a of "operator/op-17", computed independently; a change here would move every grain to another partition.
        Assert.Equal(Fnv1a("operator/op-17"), new GrainId("operator", "op-17").StableHash);
    }

    [Fact]
    public void PartitionsSpreadGrainsEvenly()
    {
        var counts = new int[16];
        for (var i = 0; i < 16_000; i++)
        {
            counts[new GrainId("customer", $"c-{i}").PartitionOf(16)]++;
        }

        Assert.All(counts, count => Assert.InRange(count, 800, 1_200));
    }

    [Fact]
    public void DifferentTypesWithTheSameKeyAreDifferentGrains()
    {
        Assert.NotEqual(new GrainId("operator", "17"), new GrainId("customer", "17"));
        Assert.Equal("operator/17", new GrainId("operator", "17").ToString());
    }

    private static uint Fnv1a(string text)
    {
        var hash = 2166136261u;
        foreach (var b in System.Text.Encoding.UTF8.GetBytes(text))
        {
            hash = (hash ^ b) * 16777619u;
        }

        return hash;
    }
}
