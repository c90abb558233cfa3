using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Helpdesk.Cluster.PostgreSql;

/// <summary>Ready while PostgreSQL answers and the schema has been migrated.</summary>
internal sealed class PostgreSqlHealthCheck(PostgreSqlDatabase database, SchemaMigrator migrator) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!migrator.IsMigrated)
        {
            return HealthCheckResult.Unhealthy("PostgreSQL is not reachable or not migrated yet.");
        }

        try
        {
            await using var command = database.DataSource.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy("PostgreSQL is reachable and migrated.");
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy($"PostgreSQL is not reachable: {exception.Message}");
        }
    }
}
