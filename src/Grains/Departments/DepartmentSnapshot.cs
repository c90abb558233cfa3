using Helpdesk.Grains.Routing;

namespace Helpdesk.Grains.Departments;

/// <summary>A department as the API shows it.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Settings">How it routes.</param>
/// <param name="Members">Its members, home and lent.</param>
/// <param name="Queue">Contacts waiting, in serving order.</param>
/// <param name="Load">Its live load.</param>
/// <param name="Version">The version of its settings, the ETag a change names in If-Match.</param>
/// <param name="RetiredAt">When it was retired, if it was.</param>
/// <param name="DrainedTo">Where its waiting contacts went when it was retired.</param>
[GenerateSerializer, Alias("helpdesk.DepartmentSnapshot")]
public sealed record DepartmentSnapshot(
    [property: Id(0)] string Id,
    [property: Id(1)] DepartmentSettings Settings,
    [property: Id(2)] IReadOnlyList<MemberSummary> Members,
    [property: Id(3)] IReadOnlyList<QueuedContact> Queue,
    [property: Id(4)] LoadFigures Load,
    [property: Id(5)] long Version = 0,
    [property: Id(6)] DateTimeOffset? RetiredAt = null,
    [property: Id(7)] string? DrainedTo = null);

/// <summary>A member as a department shows them.</summary>
/// <param name="OperatorId">The operator.</param>
/// <param name="Line">Their line.</param>
/// <param name="Home">Whether this is their home department (otherwise they are lent).</param>
/// <param name="Presence">Their presence.</param>
/// <param name="ActiveContacts">Contacts they hold.</param>
/// <param name="DifficultyLoad">Their difficulty load this shift.</param>
/// <param name="FreeCapacity">How many more contacts of each channel they can take now.</param>
[GenerateSerializer, Alias("helpdesk.MemberSummary")]
public sealed record MemberSummary(
    [property: Id(0)] string OperatorId,
    [property: Id(1)] Line Line,
    [property: Id(2)] bool Home,
    [property: Id(3)] Presence Presence,
    [property: Id(4)] int ActiveContacts,
    [property: Id(5)] double DifficultyLoad,
    [property: Id(6)] IReadOnlyDictionary<Channel, int> FreeCapacity);

/// <summary>A waiting contact as a department shows it.</summary>
/// <param name="ContactId">The contact.</param>
/// <param name="Channel">Its channel.</param>
/// <param name="Priority">Its priority.</param>
/// <param name="Line">Its line.</param>
/// <param name="WaitedSeconds">How long it has waited.</param>
[GenerateSerializer, Alias("helpdesk.QueuedContact")]
public sealed record QueuedContact(
    [property: Id(0)] string ContactId,
    [property: Id(1)] Channel Channel,
    [property: Id(2)] int Priority,
    [property: Id(3)] Line Line,
    [property: Id(4)] double WaitedSeconds);
