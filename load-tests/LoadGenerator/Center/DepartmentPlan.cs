namespace Helpdesk.LoadGenerator.Center;

/// <summary>A department to create: its id, its name and the strategy it ranks its operators by.</summary>
internal sealed record DepartmentPlan(string Id, string Name, string Strategy);
