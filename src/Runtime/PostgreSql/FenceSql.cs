using Helpdesk.Runtime.Cluster;
using Helpdesk.Runtime.Core;
using Helpdesk.Runtime.Persistence;
using Npgsql;
using NpgsqlTypes;

namespace Helpdesk.Runtime.PostgreSql;

/// <summary>The ownership check every state write and reminder change makes in its own statement.</summary>
internal static class FenceSql
{
    /// <summary>A condition true when the fence in parameters <c>$first</c>..<c>$first+2</c> still holds, or when there is none.</summary>
    public static string Holds(int first) =>
        $"(${first}::int IS NULL OR EXISTS (SELECT 1 FROM partitions WHERE partition = ${first} AND owner = ${first + 1} AND epoch = ${first + 2} AND expires_at > now()))";

    public static void Add(NpgsqlParameterCollection parameters, Fence? fence)
    {
        parameters.Add(new() { Value = (object?)fence?.Partition ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Integer });
        parameters.Add(new() { Value = (object?)fence?.Silo ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        parameters.Add(new() { Value = (object?)fence?.Epoch ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bigint });
    }

    /// <summary>The error for a write refused because the writer no longer holds the partition, or <see langword="null"/> when the fence holds.</summary>
    public static async Task<InconsistentStateException?> FencedOutAsync(PostgreSqlDatabase database, GrainId grainId, Fence? fence, CancellationToken cancellationToken)
    {
        if (fence is not { } held)
        {
            return null;
        }

        await using var command = database.DataSource.CreateCommand($"SELECT {Holds(1)}");
        Add(command.Parameters, held);
        return await command.ExecuteScalarAsync(cancellationToken) is true
            ? null
            : new InconsistentStateException(
                $"Silo {held.Silo} no longer holds partition {held.Partition} of {grainId} at epoch {held.Epoch}: its lease lapsed or another silo took it over, so this write was refused. The activation is deactivated; the grain continues on its new owner.");
    }
}
