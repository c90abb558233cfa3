namespace Helpdesk.Runtime.Messaging;

/// <summary>A grain on another silo threw an exception this silo cannot recreate; its type and message are kept.</summary>
public sealed class RemoteGrainException(string exceptionType, string message) : Exception($"{exceptionType}: {message}")
{
    /// <summary>The full name of the exception type the grain threw.</summary>
    public string ExceptionType { get; } = exceptionType;
}
