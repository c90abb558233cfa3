namespace Helpdesk.LoadGenerator.Contracts;

/// <summary>What <c>GET /api/operators/{id}</c> answers, as far as the final check reads it: the contacts the operator holds.</summary>
internal sealed record OperatorView(string Id, string Presence, IReadOnlyList<HeldContactView> Contacts);
