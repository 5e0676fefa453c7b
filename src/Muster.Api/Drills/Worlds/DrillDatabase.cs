using System.Data;
using Muster.Infrastructure;
using Muster.Infrastructure.Idempotency;
using Muster.Webhooks;
using Npgsql;

namespace Muster.Api.Drills.Worlds;

/// <summary>
/// A drill's database on the real one's server: created empty (or from the template <c>&lt;main&gt;_drill_template</c> when
/// an administrator made one with PostGIS, for a role that may not create extensions), filled with a consistent
/// snapshot of the real store's tables by binary COPY, dropped when the drill ends.
/// </summary>
public static class DrillDatabase
{
    /// <summary>Tables a drill does not take: idempotency answers (another request's), and webhook deliveries (a drill never notifies partners).</summary>
    private static readonly HashSet<string> NotCopied =
        [Unqualified(IdempotencyKeysTable.Name), Unqualified(WebhookTables.Outbox), Unqualified(WebhookTables.Deliveries)];

    public static string NameFor(string mainDatabase, Guid drillId)
    {
        var main = mainDatabase.Length > 40 ? mainDatabase[..40] : mainDatabase;
        // The last twelve hex digits of a version-7 id are random; its first ones are the millisecond it was made.
        return $"{main}_drill_{drillId.ToString("N")[^12..]}";
    }

    public static async Task CreateAsync(NpgsqlDataSource main, string name, CancellationToken ct)
    {
        await using var connection = await main.OpenConnectionAsync(ct);
        var template = $"{connection.Database}_drill_template";
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection) { Parameters = { new() { Value = template } } };
        var fromTemplate = await exists.ExecuteScalarAsync(ct) is not null;
        await ExecuteAsync(connection, $"CREATE DATABASE {Quote(name)}" + (fromTemplate ? $" TEMPLATE {Quote(template)}" : ""), ct);
    }

    /// <summary>Drops the drill's database, closing whatever still holds a connection to it.</summary>
    public static async Task DropAsync(NpgsqlDataSource main, string name, CancellationToken ct)
    {
        await using var connection = await main.OpenConnectionAsync(ct);
        await ExecuteAsync(connection, $"DROP DATABASE IF EXISTS {Quote(name)} WITH (FORCE)", ct);
    }

    public static async Task<bool> ExistsAsync(NpgsqlDataSource main, string name, CancellationToken ct)
    {
        await using var connection = await main.OpenConnectionAsync(ct);
        await using var command = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection) { Parameters = { new() { Value = name } } };
        return await command.ExecuteScalarAsync(ct) is not null;
    }

    /// <summary>
    /// Copies every table of the store's schema that the drill's own store also has (its schema applied first) from one
    /// snapshot of the real database, column by column by name, then sets the sequences. Answers the last event
    /// sequence number copied: the drill's own events come after it.
    /// </summary>
    public static async Task<CopyResult> CopyAsync(NpgsqlDataSource main, NpgsqlDataSource drill, CancellationToken ct)
    {
        await using var from = await main.OpenConnectionAsync(ct);
        await using var snapshot = await from.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
        await using var to = await drill.OpenConnectionAsync(ct);
        await using var write = await to.BeginTransactionAsync(ct);
        var source = await ColumnsAsync(from, ct);
        var target = await ColumnsAsync(to, ct);
        var tables = target.Keys.Where(t => source.ContainsKey(t) && !NotCopied.Contains(t))
            .OrderBy(t => t switch { "mt_streams" => 0, "mt_events" => 1, _ => 2 }).ThenBy(t => t, StringComparer.Ordinal).ToList();
        await ExecuteAsync(to, $"TRUNCATE {string.Join(", ", tables.Select(Qualified))}", ct);
        long rows = 0;
        foreach (var table in tables)
        {
            var columns = string.Join(", ", target[table].Where(source[table].Contains).Select(Quote));
            await using (var reading = await from.BeginRawBinaryCopyAsync($"COPY (SELECT {columns} FROM {Qualified(table)}) TO STDOUT (FORMAT BINARY)", ct))
            await using (var writing = await to.BeginRawBinaryCopyAsync($"COPY {Qualified(table)} ({columns}) FROM STDIN (FORMAT BINARY)", ct))
            {
                await reading.CopyToAsync(writing, ct);
            }
        }

        await using (var counted = new NpgsqlCommand(
            "SELECT " + string.Join(" + ", tables.Select(t => $"(SELECT count(*) FROM {Qualified(t)})")), to))
        {
            rows = tables.Count == 0 ? 0 : (long)(await counted.ExecuteScalarAsync(ct))!;
        }

        await using (var sequences = new NpgsqlCommand(
            "SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = $1 AND last_value IS NOT NULL", from) { Parameters = { new() { Value = EventStoreModule.Schema } } })
        await using (var reader = await sequences.ExecuteReaderAsync(ct))
        {
            var values = new List<(string Name, long Value)>();
            while (await reader.ReadAsync(ct))
            {
                values.Add((reader.GetString(0), reader.GetInt64(1)));
            }

            await reader.CloseAsync();
            foreach (var (name, value) in values)
            {
                await using var set = new NpgsqlCommand(
                    $"SELECT setval(c.oid, $1) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $2 AND c.relname = $3 AND c.relkind = 'S'", to)
                {
                    Parameters = { new() { Value = value }, new() { Value = EventStoreModule.Schema }, new() { Value = name } },
                };
                await set.ExecuteNonQueryAsync(ct);
            }
        }

        await using var last = new NpgsqlCommand($"SELECT coalesce(max(seq_id), 0) FROM {Qualified("mt_events")}", from);
        var copiedThrough = (long)(await last.ExecuteScalarAsync(ct))!;
        await write.CommitAsync(ct);
        await snapshot.CommitAsync(ct);
        return new CopyResult(copiedThrough, tables.Count, rows);
    }

    public sealed record CopyResult(long CopiedThrough, int Tables, long Rows);

    /// <summary>The ordinary (not generated) columns of each plain or partitioned table of the store's schema, in order; partitions are copied through their parent.</summary>
    private static async Task<Dictionary<string, List<string>>> ColumnsAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        const string sql = """
            SELECT c.relname, a.attname
            FROM pg_class c
            JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
            WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND NOT c.relispartition
            ORDER BY c.relname, a.attnum
            """;
        await using var command = new NpgsqlCommand(sql, connection) { Parameters = { new() { Value = EventStoreModule.Schema } } };
        await using var reader = await command.ExecuteReaderAsync(ct);
        var columns = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        while (await reader.ReadAsync(ct))
        {
            var table = reader.GetString(0);
            if (!columns.TryGetValue(table, out var list))
            {
                columns[table] = list = [];
            }

            list.Add(reader.GetString(1));
        }

        return columns;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static string Unqualified(string name) => name[(name.IndexOf('.', StringComparison.Ordinal) + 1)..];

    private static string Qualified(string table) => $"{Quote(EventStoreModule.Schema)}.{Quote(table)}";

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
