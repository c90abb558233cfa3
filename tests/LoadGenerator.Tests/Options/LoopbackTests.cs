using Helpdesk.LoadGenerator.Options;

namespace Helpdesk.LoadGenerator.Tests.Options;

public sealed class LoopbackTests
{
    [Theory]
    [InlineData("localhost", true)]
    [InlineData("127.0.0.1", true)]
    [InlineData("127.255.0.9", true)]
    [InlineData("[::1]", true)]
    [InlineData("::1", true)]
    [InlineData("0.0.0.0", false)]
    [InlineData("10.1.2.3", false)]
    [InlineData("my-laptop", false)]
    public void OnlyLoopbackHostsCount(string host, bool loopback) =>
        Assert.Equal(loopback, Loopback.IsLoopbackHost(host));

    [Theory]
    [InlineData("Host=127.0.0.1;Port=5432;Username=postgres", true)]
    [InlineData("Host=localhost:5433;Username=postgres", true)]
    [InlineData("Host=/var/run/postgresql;Username=postgres", true)]
    [InlineData("Host=127.0.0.1,10.0.0.2;Username=postgres", false)]
    [InlineData("Host=db.example.com;Username=postgres", false)]
    public void APostgreSqlServerMustBeOnThisMachine(string connectionString, bool loopback) =>
        Assert.Equal(loopback, Loopback.IsLoopbackConnectionString(connectionString, out _));
}
