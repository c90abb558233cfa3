using Helpdesk.Grains.Departments;
using Helpdesk.Grains.Operators;
using Helpdesk.Grains.Routing;
using Helpdesk.Testing;

namespace Helpdesk.Api.Tests.Operators;

/// <summary>Creates operators and sets their presence the way their desktop does.</summary>
internal static class OperatorApi
{
    public static Task<OperatorSnapshot> CreateOperatorAsync(this HelpdeskServer server, string id, string line, params string[] departments)
    {
        ArgumentNullException.ThrowIfNull(server);
        return server.PostOkAsync<OperatorSnapshot>("/api/operators", new { id, name = id, line, departments });
    }

    /// <summary>Creates the operator, sets them available and waits until each of their departments has heard so.</summary>
    /// <remarks>Operators tell departments one way, so a contact created right after could otherwise miss them.</remarks>
    public static async Task<OperatorSnapshot> StartShiftAsync(this HelpdeskServer server, string id, string line, params string[] departments)
    {
        ArgumentNullException.ThrowIfNull(departments);
        await server.CreateOperatorAsync(id, line, departments);
        var available = await server.SetPresenceAsync(id, "available");
        foreach (var department in departments)
        {
            await Eventually.ReadAsync(
                () => server.GetOkAsync<DepartmentSnapshot>($"/api/departments/{department}"),
                snapshot => snapshot.Members.Any(member => member.OperatorId == id && member.Presence != Presence.Offline),
                $"department {department} to see operator {id} at work",
                snapshot => string.Join(", ", snapshot.Members.Select(member => $"{member.OperatorId} {member.Presence}")));
        }

        return available;
    }

    public static Task<OperatorSnapshot> SetPresenceAsync(this HelpdeskServer server, string id, string presence)
    {
        ArgumentNullException.ThrowIfNull(server);
        return server.PutOkAsync<OperatorSnapshot>($"/api/operators/{id}/presence", new { presence });
    }

    public static Task<OperatorSnapshot> GetOperatorAsync(this HelpdeskServer server, string id)
    {
        ArgumentNullException.ThrowIfNull(server);
        return server.GetOkAsync<OperatorSnapshot>($"/api/operators/{id}");
    }
}
