using Helpdesk.Grains.Departments;

namespace Helpdesk.Api.Tests.Departments;

/// <summary>Creates departments the way a supervisor's console does.</summary>
internal static class DepartmentApi
{
    public static Task<DepartmentSnapshot> CreateDepartmentAsync(this HelpdeskServer server, string id, string strategy = "longest_idle")
    {
        ArgumentNullException.ThrowIfNull(server);
        return server.PostOkAsync<DepartmentSnapshot>("/api/departments", new { id, name = id, strategy });
    }
}
