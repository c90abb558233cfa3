namespace Helpdesk.Runtime.Activation;

/// <summary>The silo cannot take the call now, for example because it is shutting down. Retry on another silo.</summary>
public sealed class SiloUnavailableException(string message) : Exception(message);
