namespace Helpdesk.Runtime.Activation;

/// <summary>No grain class is registered for a grain type or interface.</summary>
public sealed class UnknownGrainTypeException(string message) : Exception(message);
