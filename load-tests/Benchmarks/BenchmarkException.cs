namespace Helpdesk.Benchmarks;

/// <summary>A benchmark could not be set up or gave wrong answers; the message says what to fix.</summary>
internal sealed class BenchmarkException(string message, Exception? innerException = null) : Exception(message, innerException);
