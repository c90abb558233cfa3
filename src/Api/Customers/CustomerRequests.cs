using Helpdesk.Api.Access;

namespace Helpdesk.Api.Customers;

/// <summary>An operator's rating of a customer after a contact.</summary>
/// <param name="OperatorId">The rater, who must have handled the contact.</param>
/// <param name="ContactId">The contact.</param>
/// <param name="Literacy">Technical literacy, 1 (novice) to 5 (expert).</param>
/// <param name="Temperament">Temperament, 1 (very difficult) to 5 (calm).</param>
public sealed record RatingRequest(string? OperatorId, string? ContactId, int? Literacy, int? Temperament) : IActsAsOperator
{
    IActsAsOperator IActsAsOperator.MadeBy(string operatorId) => this with { OperatorId = operatorId };
}

/// <summary>An operator the customer must never be routed to.</summary>
/// <param name="OperatorId">The operator.</param>
public sealed record ExclusionRequest(string? OperatorId);
