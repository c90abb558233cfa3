namespace Helpdesk.Benchmarks.Calls;

/// <summary>A message to a <see cref="ChannelActor"/>: the argument and where its answer goes.</summary>
internal readonly record struct PingRequest(int Value, TaskCompletionSource<int> Reply);
