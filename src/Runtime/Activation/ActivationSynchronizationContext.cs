namespace Helpdesk.Runtime.Activation;

/// <summary>Sends every <c>await</c> continuation inside a grain back to its activation's queue.</summary>
/// <remarks>This is what makes a turn-based actor: code after an <c>await</c> runs as a later turn of the same activation, never beside another turn.</remarks>
internal sealed class ActivationSynchronizationContext(GrainActivation activation) : SynchronizationContext
{
    public GrainActivation Activation => activation;

    public override void Post(SendOrPostCallback d, object? state) => activation.Post(d, state);

    public override void Send(SendOrPostCallback d, object? state) =>
        throw new NotSupportedException("Blocking sends into an activation would deadlock it; await the call instead.");

    public override SynchronizationContext CreateCopy() => this;
}
