namespace Helpdesk.Api.Tests.Departments;

/// <summary>One server shared by the tests of a class whose requests are refused or only read, so each does not start a silo.</summary>
/// <remarks>Tests that change what they share must not use it: they would see each other's changes.</remarks>
public sealed class SharedServer : IAsyncLifetime
{
    private HelpdeskServer? _server;
    private Task? _setUp;

    internal HelpdeskServer Server => _server ?? throw new InvalidOperationException("The shared server has not started.");

    /// <summary>The server after <paramref name="setUp"/> has run on it, once, for whichever test of the class comes first.</summary>
    internal async Task<HelpdeskServer> SetUpOnceAsync(Func<HelpdeskServer, Task> setUp)
    {
        ArgumentNullException.ThrowIfNull(setUp);
        await (_setUp ??= setUp(Server));
        return Server;
    }

    public async Task InitializeAsync() => _server = await HelpdeskServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
