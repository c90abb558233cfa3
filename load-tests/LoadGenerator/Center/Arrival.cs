namespace Helpdesk.LoadGenerator.Center;

/// <summary>One contact of the arrival stream: when it is due after the first, from whom, how and where.</summary>
/// <param name="Index">Its number in the stream, from 0.</param>
/// <param name="Due">When it arrives, after the first arrival's moment.</param>
/// <param name="Key">Its Idempotency-Key, unique to the run.</param>
/// <param name="CustomerId">The customer in touch.</param>
/// <param name="Channel"><c>phone</c>, <c>chat</c>, <c>email</c> or <c>web</c>.</param>
/// <param name="Department">The department chosen.</param>
/// <param name="Priority">1 to 5.</param>
/// <param name="Category">The topic's category.</param>
internal sealed record Arrival(int Index, TimeSpan Due, string Key, string CustomerId, string Channel, string Department, int Priority, string Category);
