namespace Helpdesk.Grains.Balancing;

/// <summary>What the balancer sees of one department now.</summary>
/// <param name="Id">The department.</param>
/// <param name="Load">Its arrivals, handle time, operators at work, target and patience: what its forecast is made from.</param>
/// <param name="QueueLength">Contacts waiting now.</param>
/// <param name="QueueGrowing">Whether the queue grew since the last look.</param>
/// <param name="Members">The operators serving it: its own at home and those lent to it.</param>
/// <param name="RequiredSkills">Skills every operator lent to it must have; empty or <see langword="null"/> for anyone.</param>
public sealed record DepartmentPicture(
    string Id,
    DepartmentLoad Load,
    int QueueLength,
    bool QueueGrowing,
    IReadOnlyList<MemberPicture> Members,
    IReadOnlyCollection<string>? RequiredSkills = null);
