namespace Helpdesk.LoadGenerator.Center;

/// <summary>A department to create: its id and the strategy it ranks its operators by.</summary>
internal sealed record DepartmentPlan(string Id, string Strategy);
