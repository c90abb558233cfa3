namespace Helpdesk.Grains.Common;

/// <summary>When a grain call that was not delivered is sent again, and after which pauses.</summary>
/// <remarks>
/// While a silo stops, it hands its grains over to the others; a call that reaches it is rejected
/// (<see cref="OrleansMessageRejectionException"/>: "Silo stopping") and did not run, so sending it again once the grain
/// has moved is safe. So is a call a stopping silo could not pass on to the grain's new place: it answers with a
/// <see cref="SiloUnavailableException"/> saying it "is shutting down", raised while it looks for that place, before
/// anything runs. Any other <see cref="SiloUnavailableException"/> is not sent again: it also stands for a call cut off
/// when its silo died, which may have run. Nor is a rejection a grain met by a call of its own: that grain ran, and its
/// caller is told so with an <see cref="OrleansException"/> (<see cref="ReloadAfterFailure"/>).
/// </remarks>
public static class Redelivery
{
    /// <summary>The pauses before each repeat: about 1.5 s in all, longer than a grain's hand-over takes.</summary>
    public static IReadOnlyList<TimeSpan> Pauses { get; } = [TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(400), TimeSpan.FromMilliseconds(800)];

    /// <summary>Whether a call that failed with <paramref name="failure"/> was never run, and may be sent again.</summary>
    public static bool NeverRan(Exception? failure) => failure switch
    {
        SiloUnavailableException unavailable => NotPassedOn(unavailable),
        OrleansMessageRejectionException => true,
        _ => false,
    };

    /// <summary>Whether a stopping silo refused to pass the call on to the grain's new place (Orleans: "Silo '…' is shutting down.").</summary>
    private static bool NotPassedOn(SiloUnavailableException unavailable) =>
        unavailable.Message.StartsWith("Silo '", StringComparison.Ordinal) && unavailable.Message.EndsWith("' is shutting down.", StringComparison.Ordinal);
}
