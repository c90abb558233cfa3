using System.Runtime.CompilerServices;
using Helpdesk.Grains.Common;

namespace Helpdesk.Grains.Tests.Common;

/// <summary>What a grain's caller is told when the grain's call failed part-way.</summary>
public sealed class ReloadAfterFailureTests
{
    /// <summary>A rejection of a call the grain made is no rejection of the call to it: that one ran, and may have written.</summary>
    [Theory]
    [MemberData(nameof(Rejections))]
    public void ARejectionMetByTheGrainReachesItsCallerAsAFailure(OrleansMessageRejectionException rejected)
    {
        var failure = ReloadAfterFailure.ForCaller(rejected);

        Assert.IsNotAssignableFrom<OrleansMessageRejectionException>(failure);
        Assert.IsAssignableFrom<OrleansException>(failure);
        Assert.Same(rejected, failure.InnerException);
    }

    [Fact]
    public void AnyOtherFailureReachesItsCallerAsItIs()
    {
        var failure = new OrleansException("A state write lost to a newer one.");

        Assert.Same(failure, ReloadAfterFailure.ForCaller(failure));
    }

    public static TheoryData<OrleansMessageRejectionException> Rejections() =>
        [
            // As Orleans raises them: "Silo stopping", "Target silo is unavailable" (its constructors are the runtime's own).
            (OrleansMessageRejectionException)RuntimeHelpers.GetUninitializedObject(typeof(OrleansMessageRejectionException)),
            new SiloUnavailableException("The target silo became unavailable for message."),
        ];
}
