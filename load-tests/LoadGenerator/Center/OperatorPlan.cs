namespace Helpdesk.LoadGenerator.Center;

/// <summary>An operator to create: id, name, line (<c>l1</c>–<c>l3</c>) and home department, and the seed of their handle times.</summary>
internal sealed record OperatorPlan(string Id, string Name, string Line, string Department, int Seed);
