using Helpdesk.LoadGenerator.Accounting;

namespace Helpdesk.LoadGenerator.Tests.Accounting;

public sealed class HoldLogTests
{
    [Fact]
    public void AContactHeldByOneOperatorAtATimeIsFine()
    {
        var holds = new HoldLog();
        holds.Accepted("c-1", "ann");
        holds.Released("c-1", "ann");
        holds.Accepted("c-1", "bob");
        holds.Accepted("c-2", "ann");

        Assert.Empty(holds.DoubleAssignments);
        Assert.Equal(3, holds.Holds);
        Assert.Equal(2, holds.Held);
    }

    [Fact]
    public void ARetriedAcceptIsTheSameHold()
    {
        var holds = new HoldLog();
        holds.Accepted("c-1", "ann");
        holds.Accepted("c-1", "ann");

        Assert.Empty(holds.DoubleAssignments);
        Assert.Equal(1, holds.Holds);
    }

    [Fact]
    public void ASecondOperatorAcceptingWhileTheFirstHoldsIsADoubleAssignment()
    {
        var holds = new HoldLog();
        holds.Accepted("c-1", "ann");
        holds.Accepted("c-1", "bob");

        Assert.Equal("c-1 was accepted by bob while ann held it", Assert.Single(holds.DoubleAssignments));
    }

    [Fact]
    public void OnlyTheHolderReleases()
    {
        var holds = new HoldLog();
        holds.Accepted("c-1", "ann");
        holds.Released("c-1", "bob");
        holds.Accepted("c-1", "carl");

        Assert.Single(holds.DoubleAssignments);
    }
}
