using Npgsql;

namespace Helpdesk.Runtime.PostgreSql;

/// <summary>The silo's PostgreSQL data sources and the schema its tables live in.</summary>
public sealed class PostgreSqlDatabase : IAsyncDisposable
{
    /// <summary>The schema used when the connection string names none.</summary>
    public const string DefaultSchema = "helpdesk";

    /// <summary>Connections kept for membership and leases: the LISTEN connection, the lease round and a release or two.</summary>
    private const int ControlPoolSize = 4;

    private PostgreSqlDatabase(NpgsqlDataSource dataSource, NpgsqlDataSource control, string schema)
    {
        DataSource = dataSource;
        Control = control;
        Schema = schema;
        Writes = new CommandBatcher(dataSource);
    }

    /// <summary>The pooled data source grain state and reminders go through.</summary>
    public NpgsqlDataSource DataSource { get; }

    /// <summary>
    /// A small pool of its own for membership and lease statements, so a lease renewal never waits
    /// behind grain writes for a connection: a busy silo must not lose its partitions for being busy.
    /// </summary>
    public NpgsqlDataSource Control { get; }

    /// <summary>The schema holding the runtime's tables.</summary>
    public string Schema { get; }

    /// <summary>
    /// The batches state writes and reminder changes commit in, through <see cref="DataSource"/>: one instance for both,
    /// so those waiting at the same moment share a commit.
    /// </summary>
    internal CommandBatcher Writes { get; }

    /// <summary>Commits the writes still queued, then closes every pooled connection.</summary>
    public async ValueTask DisposeAsync()
    {
        await Writes.DisposeAsync();
        await DataSource.DisposeAsync();
        await Control.DisposeAsync();
    }

    /// <summary>Builds the data source, pinning the search path to the schema.</summary>
    public static PostgreSqlDatabase Create(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var schema = builder.SearchPath?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? DefaultSchema;
        builder.SearchPath = schema;
        var control = new NpgsqlConnectionStringBuilder(builder.ConnectionString) { MaxPoolSize = ControlPoolSize, MinPoolSize = 0 };
        return new PostgreSqlDatabase(NpgsqlDataSource.Create(builder.ConnectionString), NpgsqlDataSource.Create(control.ConnectionString), schema);
    }
}
