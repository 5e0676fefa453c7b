using Npgsql;

namespace Muster.Benchmarks;

/// <summary>A database of the benchmark's own on the shared cluster, with PostGIS, dropped at the end.</summary>
public sealed class BenchDatabase : IAsyncDisposable
{
    private BenchDatabase(string name, string connectionString)
    {
        Name = name;
        ConnectionString = connectionString;
    }

    public string Name { get; }
    public string ConnectionString { get; }

    /// <summary>
    /// What autovacuum and the checkpointer do in their own time after a bulk write: the visibility map and statistics,
    /// then the dirty pages written. A row measured right after another's bulk write pays for that one's aftermath.
    /// </summary>
    public static async Task SettleAsync(NpgsqlDataSource raw)
    {
        await using var vacuum = raw.CreateCommand("VACUUM ANALYZE");
        vacuum.CommandTimeout = 1_800;
        await vacuum.ExecuteNonQueryAsync();
        await using var checkpoint = raw.CreateCommand("CHECKPOINT");
        await checkpoint.ExecuteNonQueryAsync();
    }

    /// <summary>A database an earlier run kept (<c>--keep</c>), e.g. the province, to measure again without generating it.</summary>
    public static BenchDatabase Existing(string name) =>
        new(name, new NpgsqlConnectionStringBuilder(AdminConnectionString()) { Database = name, Pooling = true, MaxPoolSize = 100 }.ConnectionString);

    public static async Task<BenchDatabase> CreateAsync()
    {
        var name = "muster_bench_" + Guid.NewGuid().ToString("N")[..10];
        await using (var admin = await OpenAsync(AdminConnectionString()))
        {
            await ExecuteAsync(admin, $"CREATE DATABASE {name}");
        }

        var connectionString = new NpgsqlConnectionStringBuilder(AdminConnectionString()) { Database = name, Pooling = true, MaxPoolSize = 100 }.ConnectionString;
        await using (var database = await OpenAsync(connectionString))
        {
            await ExecuteAsync(database, "CREATE EXTENSION IF NOT EXISTS postgis");
        }

        return new BenchDatabase(name, connectionString);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = await OpenAsync(AdminConnectionString());
        await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS {Name} WITH (FORCE)");
    }

    /// <summary>The cluster the scripts started (MUSTER_PG_ADMIN) or the one configured, through its maintenance database.</summary>
    public static string AdminConnectionString()
    {
        var configured = Environment.GetEnvironmentVariable("MUSTER_PG_ADMIN")
            ?? Environment.GetEnvironmentVariable("ConnectionStrings__Muster")
            ?? throw new InvalidOperationException(
                "The benchmarks need PostgreSQL + PostGIS: `source scripts/postgres.sh && muster_db_ensure` sets MUSTER_PG_ADMIN.");
        return new NpgsqlConnectionStringBuilder(configured) { Database = "postgres", Pooling = false }.ConnectionString;
    }

    private static async Task<NpgsqlConnection> OpenAsync(string connectionString)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
