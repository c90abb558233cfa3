namespace Helpdesk.Benchmarks.Measurement;

/// <summary>One side of a comparison: a name and the call worker or target <c>i</c> makes.</summary>
internal sealed record Subject(string Name, Func<int, Task> Call);
