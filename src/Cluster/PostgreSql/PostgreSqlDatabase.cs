using Npgsql;

namespace Helpdesk.Cluster.PostgreSql;

/// <summary>The silo's pool of PostgreSQL connections, pinned to the schema the project's tables live in.</summary>
/// <remarks>Orleans' membership, grain storage and reminder providers, the migrator and the health check all share it.</remarks>
public sealed class PostgreSqlDatabase : IAsyncDisposable
{
    /// <summary>The schema used when the connection string names none.</summary>
    public const string DefaultSchema = "helpdesk";

    private PostgreSqlDatabase(NpgsqlDataSource dataSource, string schema)
    {
        DataSource = dataSource;
        Schema = schema;
    }

    /// <summary>The pooled data source, its search path set to <see cref="Schema"/>.</summary>
    public NpgsqlDataSource DataSource { get; }

    /// <summary>The schema holding the tables: the connection string's first <c>Search Path</c> entry, else <see cref="DefaultSchema"/>.</summary>
    public string Schema { get; }

    /// <summary>Builds the data source; a malformed connection string fails here, at configuration.</summary>
    public static PostgreSqlDatabase Create(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var schema = builder.SearchPath?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? DefaultSchema;
        builder.SearchPath = schema;
        return new PostgreSqlDatabase(NpgsqlDataSource.Create(builder.ConnectionString), schema);
    }

    /// <summary>Closes every pooled connection.</summary>
    public ValueTask DisposeAsync() => DataSource.DisposeAsync();
}
