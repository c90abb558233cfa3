using System.Reflection;
using System.Runtime.CompilerServices;
using Helpdesk.Grains.Common;
using Helpdesk.Testing;
using Orleans.Serialization.Invocation;

namespace Helpdesk.Grains.Tests.Common;

/// <summary>A grain's own call that met a stopping silo is sent again; one that may have run is not.</summary>
public sealed class RedeliverUndeliveredCallsTests
{
    private readonly ManualTimeProvider _clock = new(DateTimeOffset.UnixEpoch);

    [Fact]
    public async Task ACallRejectedByAStoppingSiloIsSentAgainUntilItIsDelivered()
    {
        var call = new Call(GrainId.Create("department", "sales"), Rejected(), Rejected(), Response.FromResult(7));

        await SendAsync(call);

        Assert.Equal(3, call.Attempts);
        Assert.Null(call.Response!.Exception);
        Assert.Equal(TimeSpan.FromMilliseconds(300), _clock.GetUtcNow() - DateTimeOffset.UnixEpoch);
    }

    [Fact]
    public async Task ACallStillRejectedAfterTheLastPauseFailsWithTheRejection()
    {
        var call = new Call(GrainId.Create("department", "sales"), Enumerable.Range(0, 10).Select(_ => Rejected()).ToArray());

        await SendAsync(call);

        Assert.Equal(1 + Redelivery.Pauses.Count, call.Attempts);
        Assert.IsType<OrleansMessageRejectionException>(call.Response!.Exception);
    }

    [Fact]
    public async Task ACallCutOffWithItsSiloIsNotSentAgain()
    {
        var call = new Call(GrainId.Create("department", "sales"), Response.FromException(new SiloUnavailableException("The target silo became unavailable.")));

        await SendAsync(call);

        Assert.Equal(1, call.Attempts);
    }

    /// <summary>The failures Orleans 10 raises, as it words them, and whether each says the call never ran.</summary>
    [Theory]
    [InlineData("Silo 'S127.0.0.1:46835:155512180' is shutting down.", true)]
    [InlineData("The target silo became unavailable for message: Request [S127.0.0.1:44197:155512180 sys.client]->[S127.0.0.1:46835:155512180 contact/c-1]. See https://aka.ms/orleans-troubleshooting for troubleshooting help.", false)]
    [InlineData("The local Orleans host is shutting down and can no longer process the request: Request [contact/c-1].", false)]
    public void OnlyAStoppingSiloThatCouldNotPassTheCallOnSaysItNeverRan(string message, bool neverRan) =>
        Assert.Equal(neverRan, Redelivery.NeverRan(new SiloUnavailableException(message)));

    [Fact]
    public void AFailureOfTheCallItselfMayHaveRun()
    {
        Assert.False(Redelivery.NeverRan(new OrleansException("A call it made was not delivered: Silo stopping")));
        Assert.False(Redelivery.NeverRan(new TimeoutException()));
        Assert.False(Redelivery.NeverRan(null));
    }

    [Fact]
    public async Task ACallFromOutsideAGrainIsLeftToItsCaller()
    {
        var call = new Call(null, Rejected(), Response.FromResult(7));

        await SendAsync(call);

        Assert.Equal(1, call.Attempts);
    }

    private async Task SendAsync(Call call)
    {
        var sending = new RedeliverUndeliveredCalls(_clock).Invoke(call);
        for (var step = 0; !sending.IsCompleted && step < 100; step++)
        {
            await Task.Yield();
            _clock.Advance(TimeSpan.FromMilliseconds(100));
        }

        await sending;
    }

    // As Orleans raises it for "Silo stopping" (its constructors are the runtime's own).
    private static Response Rejected() => Response.FromException((OrleansMessageRejectionException)RuntimeHelpers.GetUninitializedObject(typeof(OrleansMessageRejectionException)));

    /// <summary>An outgoing call whose attempts are answered in turn by <paramref name="answers"/>.</summary>
    private sealed class Call(GrainId? source, params Response[] answers) : IOutgoingGrainCallContext
    {
        public int Attempts { get; private set; }

        public Response? Response { get; set; }

        public GrainId? SourceId => source;

        public IGrainContext? SourceContext => null;

        public IInvokable Request => throw new NotSupportedException();

        public object Grain => throw new NotSupportedException();

        public MethodInfo InterfaceMethod => throw new NotSupportedException();

        public GrainId TargetId => GrainId.Create("operator", "ann");

        public GrainInterfaceType InterfaceType => default;

        public string InterfaceName => "IOperatorGrain";

        public string MethodName => "AcceptAsync";

        public object? Result { get => Response?.Result; set => throw new NotSupportedException(); }

        public Task Invoke()
        {
            Response = answers[Attempts++];
            return Task.CompletedTask;
        }
    }
}
