using System.ComponentModel.DataAnnotations;
using Helpdesk.Grains.Balancing;

namespace Helpdesk.Api.Balancing;

/// <summary>The balancer's mode.</summary>
/// <param name="Mode"><c>off</c>, <c>advise</c> (it proposes, supervisors decide) or <c>auto</c> (it moves operators itself).</param>
public sealed record ModeRequest([property: Required] BalancerMode? Mode);
