using Helpdesk.Cluster.PostgreSql;

namespace Helpdesk.Cluster.Tests.PostgreSql;

/// <summary>The connection settings the silo adds to the connection string it is given.</summary>
public sealed class PostgreSqlDatabaseTests
{
    [Fact]
    public void StatementsArePreparedAndPooledConnectionsKeptAsTheyAre()
    {
        var tuned = PostgreSqlDatabase.Tuned("Host=127.0.0.1;Username=postgres");

        Assert.Equal(PostgreSqlDatabase.AutoPrepared, tuned.MaxAutoPrepare);
        Assert.True(tuned.NoResetOnClose);
        Assert.Equal("127.0.0.1", tuned.Host);
    }

    [Fact]
    public void AConnectionStringThatSetsHowManyStatementsArePreparedKeepsItsOwn()
    {
        Assert.Equal(5, PostgreSqlDatabase.Tuned("Host=127.0.0.1;Max Auto Prepare=5").MaxAutoPrepare);
    }
}
