using Helpdesk.Grains.Routing;

namespace Helpdesk.Grains.Departments;

/// <summary>A department as the API shows it.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Settings">How it routes.</param>
/// <param name="Members">Its members, home and lent.</param>
/// <param name="Queue">Contacts waiting, in serving order.</param>
/// <param name="Load">Its live load.</param>
public sealed record DepartmentSnapshot(string Id, DepartmentSettings Settings, IReadOnlyList<MemberSummary> Members, IReadOnlyList<QueuedContact> Queue, LoadFigures Load);

/// <summary>A member as a department shows them.</summary>
/// <param name="OperatorId">The operator.</param>
/// <param name="Line">Their line.</param>
/// <param name="Home">Whether this is their home department (otherwise they are lent).</param>
/// <param name="Presence">Their presence.</param>
/// <param name="ActiveContacts">Contacts they hold.</param>
/// <param name="DifficultyLoad">Their difficulty load this shift.</param>
/// <param name="FreeCapacity">How many more contacts of each channel they can take now.</param>
public sealed record MemberSummary(string OperatorId, Line Line, bool Home, Presence Presence, int ActiveContacts, double DifficultyLoad, IReadOnlyDictionary<Channel, int> FreeCapacity);

/// <summary>A waiting contact as a department shows it.</summary>
/// <param name="ContactId">The contact.</param>
/// <param name="Channel">Its channel.</param>
/// <param name="Priority">Its priority.</param>
/// <param name="Line">Its line.</param>
/// <param name="WaitedSeconds">How long it has waited.</param>
public sealed record QueuedContact(string ContactId, Channel Channel, int Priority, Line Line, double WaitedSeconds);
