using System.Diagnostics;
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
    private static readonly string[] Tables = ["muster.mt_doc_stockline", "muster.stock_levels"];

    public static async Task<(TimeSpan Elapsed, TimeSpan Reading, TimeSpan Writing, long Rows)> MeasureAsync(NpgsqlDataSource raw)
    {
        var clock = Stopwatch.StartNew();
        var reading = TimedAsync(() => ReadEveryEventAsync(raw));
        var writing = TimedAsync(() => WriteStockAgainAsync(raw));
        await Task.WhenAll(reading, writing);
        return (clock.Elapsed, (await reading).Took, (await writing).Took, (await writing).Rows);
    }

    private static async Task<(TimeSpan Took, long Rows)> TimedAsync(Func<Task<long>> work)
    {
        var clock = Stopwatch.StartNew();
        var rows = await work();
        return (clock.Elapsed, rows);
    }

    private static async Task<long> ReadEveryEventAsync(NpgsqlDataSource raw)
    {
        await using var connection = await raw.OpenConnectionAsync();
        await using var copy = await connection.BeginRawBinaryCopyAsync(
            "copy (select seq_id, stream_id, version, type, data from muster.mt_events) to stdout (format binary)");
        var buffer = new byte[1 << 16];
        long bytes = 0;
        int read;
        while ((read = await copy.ReadAsync(buffer.AsMemory(), CancellationToken.None)) > 0)
        {
            bytes += read;
        }

        return bytes;
    }

    private static async Task<long> WriteStockAgainAsync(NpgsqlDataSource raw)
    {
        await using var connection = await raw.OpenConnectionAsync();
        long rows = 0;
        try
        {
            foreach (var table in Tables)
            {
                await using var write = new NpgsqlCommand($"""
                    create table {Copy(table)} (like {table} including defaults);
                    insert into {Copy(table)} select * from {table};
                    alter table {Copy(table)} add primary key (id);
                    """, connection) { CommandTimeout = 0 };
                await write.ExecuteNonQueryAsync();
                await using var count = new NpgsqlCommand($"select count(*) from {Copy(table)}", connection);
                rows += (long)(await count.ExecuteScalarAsync())!;
            }
        }
        finally
        {
            await using var drop = new NpgsqlCommand(string.Join(";", Tables.Select(t => $"drop table if exists {Copy(t)}")), connection);
            await drop.ExecuteNonQueryAsync();
        }

        return rows;
    }

    private static string Copy(string table) => table + "_floor";
}
