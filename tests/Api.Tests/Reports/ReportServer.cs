namespace Helpdesk.Api.Tests.Reports;

/// <summary>One server on the manual clock shared by a class whose requests are refused or only read.</summary>
/// <remarks>It holds the departments <c>support</c> and <c>billing</c> and the operator <c>ana</c>, and never gains anything else.</remarks>
public sealed class ReportServer : IAsyncLifetime
{
    private HelpdeskServer? _server;

    internal HelpdeskServer Server => _server ?? throw new InvalidOperationException("The report server has not started.");

    public async Task InitializeAsync()
    {
        _server = await ReportApi.StartAsync();
        await Departments.DepartmentApi.CreateDepartmentAsync(_server, "support");
        await Departments.DepartmentApi.CreateDepartmentAsync(_server, "billing");
        await Operators.OperatorApi.CreateOperatorAsync(_server, "ana", "l1", "support");
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
