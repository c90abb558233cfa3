namespace Helpdesk.LoadGenerator.Contracts;

/// <summary>What <c>GET /api/contacts/{id}</c> answers, as far as the final check reads it.</summary>
/// <param name="Id">The contact's id.</param>
/// <param name="Status">Its status, snake_case.</param>
/// <param name="OperatorId">The operator offered it or handling it live.</param>
/// <param name="History">Every status it took, oldest first.</param>
internal sealed record ContactView(string Id, string Status, string? OperatorId, IReadOnlyList<StatusChangeView> History);
