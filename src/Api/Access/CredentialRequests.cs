using System.ComponentModel.DataAnnotations;
using Helpdesk.Grains.Access;

namespace Helpdesk.Api.Access;

/// <summary>A new API key.</summary>
/// <param name="Name">Whom it is for: a system or a person (it signs the audit trail).</param>
/// <param name="Role">integration, operator, supervisor or admin.</param>
/// <param name="OperatorId">For an operator's key, the operator it acts as.</param>
public sealed record CreateCredentialRequest([property: Required] string? Name, [property: Required] Role? Role, string? OperatorId);

/// <summary>A key just created: the key itself, shown this once, and its record.</summary>
/// <param name="Key">Send it as <c>Authorization: Bearer …</c>. It cannot be shown again.</param>
/// <param name="Credential">Its record.</param>
public sealed record IssuedKey(string Key, Credential Credential);

/// <summary>A stream ticket.</summary>
/// <param name="Ticket">Add it to an event stream's URL as <c>?ticket=…</c>.</param>
/// <param name="ExpiresAt">Until when it opens streams (a stream open then goes on).</param>
public sealed record IssuedTicket(string Ticket, DateTimeOffset ExpiresAt);
