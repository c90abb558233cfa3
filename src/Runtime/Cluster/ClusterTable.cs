using Helpdesk.Runtime.PostgreSql;
using Npgsql;

namespace Helpdesk.Runtime.Cluster;

/// <summary>The membership and lease statements. Expiry is always compared with the database's <c>now()</c>.</summary>
internal sealed class ClusterTable(PostgreSqlDatabase database)
{
    public string Channel => $"{database.Schema}_cluster";

    /// <summary>Records the partition count on first start, or checks it against the one recorded, and creates the partitions.</summary>
    public async Task EnsurePartitionsAsync(int partitionCount, CancellationToken cancellationToken)
    {
        await using var batch = database.Control.CreateBatch();
        batch.BatchCommands.Add(WithCount("INSERT INTO cluster_settings (partition_count) VALUES ($1) ON CONFLICT (id) DO NOTHING"));
        batch.BatchCommands.Add(new NpgsqlBatchCommand("SELECT partition_count FROM cluster_settings"));
        var recorded = (int)(await batch.ExecuteScalarAsync(cancellationToken))!;
        if (recorded != partitionCount)
        {
            throw new InvalidOperationException(
                $"This cluster was created with {recorded} partitions, but this silo is configured with {partitionCount}. The partition count is fixed for the cluster's life: set Cluster:PartitionCount to {recorded}.");
        }

        await using var create = database.Control.CreateCommand(
            "INSERT INTO partitions (partition) SELECT p FROM generate_series(0, $1 - 1) AS p ON CONFLICT (partition) DO NOTHING");
        create.Parameters.Add(new() { Value = partitionCount });
        await create.ExecuteNonQueryAsync(cancellationToken);

        NpgsqlBatchCommand WithCount(string sql)
        {
            var command = new NpgsqlBatchCommand(sql);
            command.Parameters.Add(new() { Value = partitionCount });
            return command;
        }
    }

    public async Task HeartbeatAsync(string silo, string address, long generation, string status, int activations, double callsPerSecond, CancellationToken cancellationToken)
    {
        await using var command = database.Control.CreateCommand("""
            INSERT INTO silos (silo, address, generation, status, started_at, heartbeat, activations, calls_per_second)
            VALUES ($1, $2, $3, $4, now(), now(), $5, $6)
            ON CONFLICT (silo) DO UPDATE SET address = excluded.address, generation = excluded.generation, status = excluded.status,
                heartbeat = now(), activations = excluded.activations, calls_per_second = excluded.calls_per_second
            """);
        command.Parameters.Add(new() { Value = silo });
        command.Parameters.Add(new() { Value = address });
        command.Parameters.Add(new() { Value = generation });
        command.Parameters.Add(new() { Value = status });
        command.Parameters.Add(new() { Value = activations });
        command.Parameters.Add(new() { Value = callsPerSecond });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Extends every lease this silo still holds and returns them with their epochs.</summary>
    public async Task<Dictionary<int, long>> RenewAsync(string silo, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var command = database.Control.CreateCommand(
            "UPDATE partitions SET expires_at = now() + $2 WHERE owner = $1 RETURNING partition, epoch");
        command.Parameters.Add(new() { Value = silo });
        command.Parameters.Add(new() { Value = lease });
        return await ReadLeasesAsync(command, cancellationToken);
    }

    /// <summary>Takes up to <paramref name="count"/> partitions that are free or whose lease expired, raising their epochs.</summary>
    public async Task<Dictionary<int, long>> AcquireAsync(string silo, int count, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var command = database.Control.CreateCommand("""
            WITH free AS (
                SELECT partition FROM partitions
                WHERE owner IS NULL OR expires_at < now()
                ORDER BY partition
                LIMIT $2
                FOR UPDATE SKIP LOCKED)
            UPDATE partitions p SET owner = $1, epoch = p.epoch + 1, expires_at = now() + $3
            FROM free WHERE p.partition = free.partition
            RETURNING p.partition, p.epoch
            """);
        command.Parameters.Add(new() { Value = silo });
        command.Parameters.Add(new() { Value = count });
        command.Parameters.Add(new() { Value = lease });
        return await ReadLeasesAsync(command, cancellationToken);
    }

    public async Task ReleaseAsync(string silo, int partition, long epoch, CancellationToken cancellationToken)
    {
        await using var command = database.Control.CreateCommand(
            "UPDATE partitions SET owner = NULL, expires_at = '-infinity' WHERE partition = $1 AND owner = $2 AND epoch = $3");
        command.Parameters.Add(new() { Value = partition });
        command.Parameters.Add(new() { Value = silo });
        command.Parameters.Add(new() { Value = epoch });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Releases every partition this silo holds, so others can take them at once.</summary>
    public async Task ReleaseAllAsync(string silo, CancellationToken cancellationToken)
    {
        await using var command = database.Control.CreateCommand(
            "UPDATE partitions SET owner = NULL, expires_at = '-infinity' WHERE owner = $1");
        command.Parameters.Add(new() { Value = silo });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>How many silos are active with a heartbeat younger than a lease.</summary>
    public async Task<int> CountLiveSilosAsync(TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var command = database.Control.CreateCommand(
            "SELECT count(*)::int FROM silos WHERE status = 'active' AND heartbeat > now() - $1");
        command.Parameters.Add(new() { Value = lease });
        return (int)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task<(List<PartitionLease> Partitions, List<SiloEntry> Silos)> ReadMapAsync(TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var batch = database.Control.CreateBatch();
        batch.BatchCommands.Add(new NpgsqlBatchCommand("""
            SELECT p.partition, p.owner, s.address, p.epoch, p.expires_at < now()
            FROM partitions p LEFT JOIN silos s ON s.silo = p.owner
            ORDER BY p.partition
            """));
        var silos = new NpgsqlBatchCommand("""
            SELECT silo, address, status, started_at, heartbeat, status = 'active' AND heartbeat > now() - $1, activations, calls_per_second
            FROM silos ORDER BY silo
            """);
        silos.Parameters.Add(new() { Value = lease });
        batch.BatchCommands.Add(silos);

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        List<PartitionLease> partitions = [];
        while (await reader.ReadAsync(cancellationToken))
        {
            partitions.Add(new PartitionLease(
                reader.GetInt32(0),
                reader.IsDBNull(1) ? null : reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.GetInt64(3),
                reader.GetBoolean(4)));
        }

        await reader.NextResultAsync(cancellationToken);
        List<SiloEntry> entries = [];
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new SiloEntry(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetFieldValue<DateTimeOffset>(3),
                reader.GetFieldValue<DateTimeOffset>(4),
                reader.GetBoolean(5),
                reader.GetInt32(6),
                reader.GetDouble(7)));
        }

        return (partitions, entries);
    }

    public async Task NotifyAsync(CancellationToken cancellationToken)
    {
        await using var command = database.Control.CreateCommand("SELECT pg_notify($1, '')");
        command.Parameters.Add(new() { Value = Channel });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Calls <paramref name="onNotification"/> for every change another silo announces, until cancelled.</summary>
    public async Task ListenAsync(Action onNotification, CancellationToken cancellationToken)
    {
        await using var connection = await database.Control.OpenConnectionAsync(cancellationToken);
        connection.Notification += (_, _) => onNotification();
        await using (var listen = new NpgsqlCommand($"LISTEN \"{Channel}\"", connection))
        {
            await listen.ExecuteNonQueryAsync(cancellationToken);
        }

        while (!cancellationToken.IsCancellationRequested)
        {
            await connection.WaitAsync(cancellationToken);
        }
    }

    private static async Task<Dictionary<int, long>> ReadLeasesAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        Dictionary<int, long> leases = [];
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            leases[reader.GetInt32(0)] = reader.GetInt64(1);
        }

        return leases;
    }
}
