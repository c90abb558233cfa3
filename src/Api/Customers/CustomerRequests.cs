using System.ComponentModel.DataAnnotations;
using Helpdesk.Api.Access;

namespace Helpdesk.Api.Customers;

/// <summary>An operator's rating of a customer after a contact.</summary>
/// <param name="OperatorId">The rater, who must have handled the contact.</param>
/// <param name="ContactId">The contact.</param>
/// <param name="Literacy">Technical literacy, 1 (novice) to 5 (expert).</param>
/// <param name="Temperament">Temperament, 1 (very difficult) to 5 (calm).</param>
public sealed record RatingRequest([property: Required] string? OperatorId, [property: Required] string? ContactId, [property: Required] int? Literacy, [property: Required] int? Temperament) : IActsAsOperator
{
    IActsAsOperator IActsAsOperator.MadeBy(string operatorId) => this with { OperatorId = operatorId };
}

/// <summary>An operator the customer must never be routed to.</summary>
/// <param name="OperatorId">The operator.</param>
public sealed record ExclusionRequest([property: Required] string? OperatorId);
