namespace Helpdesk.LoadGenerator.Center;

/// <summary>An operator to create: id, line (<c>l1</c>–<c>l3</c>) and home department, and the seed of their handle times.</summary>
internal sealed record OperatorPlan(string Id, string Line, string Department, int Seed);
