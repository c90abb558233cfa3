namespace Helpdesk.Grains.Access;

/// <summary>Whom a credential speaks for.</summary>
/// <param name="Name">A name for people: the system or person that holds it (it signs the audit trail).</param>
/// <param name="Role">What it may do.</param>
/// <param name="OperatorId">For <see cref="Role.Operator"/>, the one operator it acts as.</param>
[GenerateSerializer, Alias("helpdesk.Identity")]
public sealed record Identity(
    [property: Id(0)] string Name,
    [property: Id(1)] Role Role,
    [property: Id(2)] string? OperatorId = null);

/// <summary>An API key's record; never its secret.</summary>
/// <param name="Id">The credential's id, the part of the key after <c>hd_</c>.</param>
/// <param name="Name">Whom it was given to.</param>
/// <param name="Role">What it may do.</param>
/// <param name="OperatorId">The operator it acts as, for <see cref="Role.Operator"/>.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="CreatedBy">Who created it.</param>
/// <param name="RevokedAt">When it was revoked, if it was.</param>
/// <param name="RevokedBy">Who revoked it.</param>
[GenerateSerializer, Alias("helpdesk.Credential")]
public sealed record Credential(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] Role Role,
    [property: Id(3)] string? OperatorId,
    [property: Id(4)] DateTimeOffset CreatedAt,
    [property: Id(5)] string CreatedBy,
    [property: Id(6)] DateTimeOffset? RevokedAt = null,
    [property: Id(7)] string? RevokedBy = null);
