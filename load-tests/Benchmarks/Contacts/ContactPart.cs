using Helpdesk.Benchmarks.Center;
using Helpdesk.Benchmarks.Measurement;

namespace Helpdesk.Benchmarks.Contacts;

/// <summary>The contacts suite on one storage: our rounds beside the bare endpoint's, and what the operators did meanwhile.</summary>
/// <param name="Storage">Where grain state was kept, e.g. <c>in memory</c>.</param>
/// <param name="InFlight">Closed-loop workers, so requests in flight.</param>
/// <param name="Ours">Rounds of <c>POST /api/contacts</c> on the silo.</param>
/// <param name="Bare">Rounds of the bare endpoint.</param>
/// <param name="Warm">The extra warm-up of our side before the rounds.</param>
/// <param name="Desk">What the operators' desks did.</param>
/// <param name="Waiting">Contacts still queued when the desks closed.</param>
/// <param name="FirstFailure">Our first answer that was not 201, if any.</param>
/// <param name="Unguarded">Rounds of a second silo with authentication and rate limits off, when measured.</param>
internal sealed record ContactPart(
    string Storage,
    int InFlight,
    RoundResults<PostRound> Ours,
    RoundResults<PostRound> Bare,
    PostRound Warm,
    DeskFigures Desk,
    int Waiting,
    string? FirstFailure,
    RoundResults<PostRound>? Unguarded = null);
