using Npgsql;

namespace Helpdesk.Runtime.PostgreSql;

/// <summary>The silo's one PostgreSQL data source and the schema its tables live in.</summary>
public sealed class PostgreSqlDatabase : IAsyncDisposable
{
    /// <summary>The schema used when the connection string names none.</summary>
    public const string DefaultSchema = "helpdesk";

    private PostgreSqlDatabase(NpgsqlDataSource dataSource, string schema)
    {
        DataSource = dataSource;
        Schema = schema;
    }

    /// <summary>The pooled data source every query goes through.</summary>
    public NpgsqlDataSource DataSource { get; }

    /// <summary>The schema holding the runtime's tables.</summary>
    public string Schema { get; }

    /// <summary>Closes every pooled connection.</summary>
    public ValueTask DisposeAsync() => DataSource.DisposeAsync();

    /// <summary>Builds the data source, pinning the search path to the schema.</summary>
    public static PostgreSqlDatabase Create(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var schema = builder.SearchPath?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? DefaultSchema;
        builder.SearchPath = schema;
        return new PostgreSqlDatabase(NpgsqlDataSource.Create(builder.ConnectionString), schema);
    }
}
