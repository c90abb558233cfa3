namespace Helpdesk.Grains.Balancing;

/// <summary>A move the balancer proposes: one operator from one department to another, with why and what it should do.</summary>
/// <param name="Id">The same for the same move in every round: <c>lend:{operator}:{from}-&gt;{to}</c> or <c>return:…</c>.</param>
/// <param name="Kind">A lend or a return.</param>
/// <param name="OperatorId">The operator moved.</param>
/// <param name="From">The department they leave.</param>
/// <param name="To">The department they join.</param>
/// <param name="Reason">Why, in words a supervisor reads.</param>
/// <param name="Predicted">Both departments' forecasts before and after the move.</param>
/// <param name="InReturnFor">For a reserve lent back in exchange, the reserve it answers (<see cref="Operators.Loan.InReturnFor"/>).</param>
[GenerateSerializer, Alias("helpdesk.BalancerProposal")]
public sealed record BalancerProposal(
    [property: Id(0)] string Id,
    [property: Id(1)] BalancerProposalKind Kind,
    [property: Id(2)] string OperatorId,
    [property: Id(3)] string From,
    [property: Id(4)] string To,
    [property: Id(5)] string Reason,
    [property: Id(6)] MoveForecast Predicted,
    [property: Id(7)] string? InReturnFor = null);
