using Npgsql;

namespace Muster.Api.Tests.Support;

/// <summary>
/// A fresh PostgreSQL + PostGIS database per test class, cloned from a template that has PostGIS
/// installed (cloning takes a fraction of CREATE EXTENSION's time), dropped when the class is done.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private const string Template = "muster_test_template";
    private static readonly SemaphoreSlim TemplateGate = new(1, 1);
    private static bool _templateReady;

    private TestDatabase(string name, string connectionString)
    {
        Name = name;
        ConnectionString = connectionString;
    }

    public string Name { get; }
    public string ConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync()
    {
        await EnsureTemplateAsync();
        var name = "muster_test_" + Guid.NewGuid().ToString("N")[..12];
        await using (var admin = await OpenAdminAsync())
        {
            await ExecuteAsync(admin, $"CREATE DATABASE {name} TEMPLATE {Template}");
        }

        // Pooled like the service's own connection string: the admin string is unpooled (it drops databases), and a
        // test database reached without a pool paid a new physical connection on every session, five times slower.
        var builder = new NpgsqlConnectionStringBuilder(AdminConnectionString()) { Database = name, Pooling = true };
        return new TestDatabase(name, builder.ConnectionString);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = await OpenAdminAsync();
        await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS {Name} WITH (FORCE)");
        // The copies of drills a test left running (a drill outlives its service: it is resumed after a restart).
        var drills = new List<string>();
        await using (var find = new NpgsqlCommand($"SELECT datname FROM pg_database WHERE datname LIKE '{Name}\\_drill\\_%'", admin))
        await using (var reader = await find.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                drills.Add(reader.GetString(0));
            }
        }

        foreach (var drill in drills)
        {
            await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS \"{drill}\" WITH (FORCE)");
        }
    }

    /// <summary>The server the scripts started (or the one configured), through its maintenance database.</summary>
    public static string AdminConnectionString()
    {
        var configured = Environment.GetEnvironmentVariable("MUSTER_PG_ADMIN")
            ?? Environment.GetEnvironmentVariable("ConnectionStrings__Muster")
            ?? throw new InvalidOperationException(
                "Tests need PostgreSQL + PostGIS: run them through ./test.sh, which starts a private cluster and sets MUSTER_PG_ADMIN.");
        return new NpgsqlConnectionStringBuilder(configured) { Database = "postgres", Pooling = false }.ConnectionString;
    }

    private static async Task EnsureTemplateAsync()
    {
        await TemplateGate.WaitAsync();
        try
        {
            if (_templateReady)
            {
                return;
            }

            await using var admin = await OpenAdminAsync();
            // Several test processes may start at once: one creates the template, the others wait for it.
            await ExecuteAsync(admin, "SELECT pg_advisory_lock(727274)");
            await using (var exists = new NpgsqlCommand($"SELECT 1 FROM pg_database WHERE datname = '{Template}'", admin))
            {
                if (await exists.ExecuteScalarAsync() is null)
                {
                    await ExecuteAsync(admin, $"CREATE DATABASE {Template}");
                    var builder = new NpgsqlConnectionStringBuilder(AdminConnectionString()) { Database = Template };
                    await using var template = new NpgsqlConnection(builder.ConnectionString);
                    await template.OpenAsync();
                    await ExecuteAsync(template, "CREATE EXTENSION IF NOT EXISTS postgis");
                }
            }

            await ExecuteAsync(admin, "SELECT pg_advisory_unlock(727274)");
            _templateReady = true;
        }
        finally
        {
            TemplateGate.Release();
        }
    }

    private static async Task<NpgsqlConnection> OpenAdminAsync()
    {
        var connection = new NpgsqlConnection(AdminConnectionString());
        await connection.OpenAsync();
        return connection;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
