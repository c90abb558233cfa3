namespace Helpdesk.LoadGenerator.Contracts;

/// <summary>What <c>POST /api/contacts</c> answers, as far as the generator reads it.</summary>
/// <param name="Id">The contact's id.</param>
/// <param name="Status"><c>offered</c> or <c>queued</c>.</param>
/// <param name="OperatorId">The operator it was offered to, if any.</param>
internal sealed record ContactReceiptView(string Id, string Status, string? OperatorId);
