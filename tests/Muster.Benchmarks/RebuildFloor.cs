using System.Diagnostics;
using Marten;
using Muster.Supplies.Levels;
using Muster.Supplies.Rebuilding;
using Npgsql;

namespace Muster.Benchmarks;

/// <summary>
/// What PostgreSQL alone spends on a rebuild's reading and writing (#17, aim 4): a floor under any rebuild on this
/// machine. Side by side on two connections, as the product's readers and writer go: every event read once by binary
/// COPY to this process (and dropped), and the stock's two tables written once more inside PostgreSQL (insert … select
/// into copies, then their primary keys). Lower than any real rebuild: nothing is folded, serialized or parsed from a
/// client, no secondary index is built and no other projection is written.
/// </summary>
public static class RebuildFloor
{
    public sealed record Measured(TimeSpan Elapsed, TimeSpan Reading, long BytesRead, TimeSpan Writing, long RowsWritten);

    public static async Task<Measured> MeasureAsync(IDocumentStore store, NpgsqlDataSource raw)
    {
        var clock = Stopwatch.StartNew();
        var reading = TimedAsync(() => ReadEveryEventAsync(raw, store.Options.Events.DatabaseSchemaName));
        var writing = TimedAsync(() => WriteAgainAsync(raw, [StockCopy.Table(store), StockLevelsTable.Name]));
        var ((read, bytes), (written, rows)) = (await reading, await writing);
        return new Measured(clock.Elapsed, read, bytes, written, rows);
    }

    private static async Task<(TimeSpan Took, long Count)> TimedAsync(Func<Task<long>> work)
    {
        var clock = Stopwatch.StartNew();
        var count = await work();
        return (clock.Elapsed, count);
    }

    /// <summary>Every event's row as the stock readers take it, by binary COPY to this process; answers the bytes read.</summary>
    private static async Task<long> ReadEveryEventAsync(NpgsqlDataSource raw, string schema)
    {
        await using var connection = await raw.OpenConnectionAsync();
        await using var copy = await connection.BeginRawBinaryCopyAsync(
            $"copy (select seq_id, stream_id, version, type, data from {schema}.mt_events) to stdout (format binary)");
        var buffer = new byte[1 << 16];
        long bytes = 0;
        int read;
        while ((read = await copy.ReadAsync(buffer.AsMemory(), CancellationToken.None)) > 0)
        {
            bytes += read;
        }

        return bytes;
    }

    /// <summary>Each table copied into a new one inside PostgreSQL, then its primary key; answers the rows written.</summary>
    private static async Task<long> WriteAgainAsync(NpgsqlDataSource raw, IReadOnlyList<string> tables)
    {
        await using var connection = await raw.OpenConnectionAsync();
        long rows = 0;
        try
        {
            foreach (var table in tables)
            {
                await using var write = new NpgsqlCommand($"""
                    create table {Copy(table)} (like {table} including defaults);
                    insert into {Copy(table)} select * from {table};
                    alter table {Copy(table)} add primary key (id);
                    """, connection) { CommandTimeout = 0 };
                rows += await write.ExecuteNonQueryAsync(); // the insert's rows: create and alter count none
            }
        }
        finally
        {
            await using var drop = new NpgsqlCommand(string.Join(";", tables.Select(t => $"drop table if exists {Copy(t)}")), connection);
            await drop.ExecuteNonQueryAsync();
        }

        return rows;
    }

    private static string Copy(string table) => table + "_floor";
}
