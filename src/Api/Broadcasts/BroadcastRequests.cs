using System.ComponentModel.DataAnnotations;
using Helpdesk.Grains.Broadcasts;

namespace Helpdesk.Api.Broadcasts;

/// <summary>A broadcast to announce.</summary>
/// <param name="Scope">Whom it concerns: <c>all</c>, <c>department</c> or <c>topic</c>.</param>
/// <param name="Department">The department, for scope <c>department</c> only.</param>
/// <param name="Topic">The topic, for scope <c>topic</c> only; matched without regard to case.</param>
/// <param name="Message">What customers are told, at most 1000 characters.</param>
/// <param name="Start">When it starts; now when not given.</param>
/// <param name="End">When it ends: after the start, in the future, and within a year.</param>
public sealed record CreateBroadcastRequest([property: Required] BroadcastScope? Scope, string? Department, string? Topic, [property: Required] string? Message, DateTimeOffset? Start, [property: Required] DateTimeOffset? End);
