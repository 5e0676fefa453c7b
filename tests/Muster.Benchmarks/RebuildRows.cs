using System.Diagnostics;
using System.Globalization;
using Marten;
using Muster.Rebuilding;
using Npgsql;

namespace Muster.Benchmarks;

/// <summary>
/// Every projection rebuilt from the events (#17, aim 4): first by Marten's daemon one after another (the baseline), then
/// as the product does it (<see cref="ProjectionsRebuild"/>: the stock tables set by set, the rest by the daemon beside
/// it; the operator's command, in a process of its own), and whether both left the stock tables identical.
/// <c>MUSTER_BENCH_STOCK_COPIES=N</c> first adds N copies of every stock-line stream (in SQL, under new depots) to see the
/// rebuild at a larger size without generating the province.
/// </summary>
public static class RebuildRows
{
    public static async Task RunAsync(string connectionString, IDocumentStore store, NpgsqlDataSource raw, Report report, Action<string> say)
    {
        var copies = int.TryParse(Environment.GetEnvironmentVariable("MUSTER_BENCH_STOCK_COPIES"), CultureInfo.InvariantCulture, out var n) ? n : 0;
        if (copies > 0)
        {
            await CopyStockStreamsAsync(raw, copies, say);
        }

        await using var countEvents = raw.CreateCommand("select count(*) from muster.mt_events");
        var events = Convert.ToInt64(await countEvents.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        var names = ((StoreOptions)store.Options).Projections.All.Select(p => p.Name).ToList();
        // MUSTER_BENCH_REBUILD_BASELINE=0 skips the daemon's rebuild (11 minutes at province size), and with it the comparison.
        var withBaseline = Environment.GetEnvironmentVariable("MUSTER_BENCH_REBUILD_BASELINE") != "0";
        var took = new List<(string Name, TimeSpan Elapsed)>();
        var clock = Stopwatch.StartNew();
        if (withBaseline)
        {
            using var daemon = await store.BuildProjectionDaemonAsync();
            foreach (var name in names)
            {
                var one = Stopwatch.StartNew();
                await daemon.RebuildProjectionAsync(name, TimeSpan.FromHours(2), CancellationToken.None);
                took.Add((name, one.Elapsed));
                say($"  rebuilt {name} in {one.Elapsed.TotalSeconds:N1} s");
            }
        }

        clock.Stop();
        var baseline = events / clock.Elapsed.TotalSeconds;
        string? byDaemon = null;
        if (withBaseline)
        {
            report.Add("rebuild, daemon one after another", $"{Report.F(baseline, "N0")} events/s", "", "",
                $"all {names.Count} projections over {events:N0} events in {Report.F(clock.Elapsed.TotalSeconds)} s; slowest: {Slowest(took)}");
            byDaemon = await StockFingerprintAsync(raw);
            // The daemon's baseline rewrote every projection row by row, and the rebuild timed right after it paid for
            // the baseline's dirty pages and vacuum: over one kept province, 97.2 s without settling, 74.5 s with.
            await BenchDatabase.SettleAsync(raw);
        }

        // In its own process, as an operator runs it, not beside the generator's and clients' state; --force, since this
        // process's service (idle now) runs on the same database.
        var ran = await ServiceProcess.RebuildAsync(connectionString);
        var rebuilt = ran.Rebuilt;
        // A copied stream keeps its line's id in its events, so its document's id differs from the daemon's there.
        var identical = byDaemon is null ? "not compared (no baseline)" : copies > 0 ? "not compared (copied streams)" : byDaemon == await StockFingerprintAsync(raw) ? "yes" : "NO";
        var stock = rebuilt.Stock;
        say($"  set-based stock: {stock.Events:N0} events, {stock.Lines:N0} lines, {stock.Levels:N0} levels in {stock.Elapsed.TotalSeconds:N1} s "
            + $"(reading and folding {stock.Reading.TotalSeconds:N1} s, copying {stock.Copying.TotalSeconds:N1} s, indexes {stock.Indexing.TotalSeconds:N1} s); "
            + $"all in {rebuilt.Elapsed.TotalSeconds:N1} s");
        var perSecond = events / rebuilt.Elapsed.TotalSeconds;
        report.Add("rebuild", $"{Report.F(perSecond, "N0")} events/s", withBaseline ? $"{Report.F(baseline, "N0")} events/s" : "", withBaseline ? Report.F(perSecond / baseline, "N2") + "×" : "",
            $"stock lines and levels set by set: {stock.Events:N0} events, {stock.Lines:N0} lines, {stock.Levels:N0} levels in {Report.F(stock.Elapsed.TotalSeconds)} s "
            + $"(reading and folding {Report.F(stock.Reading.TotalSeconds)} s beside binary COPY {Report.F(stock.Copying.TotalSeconds)} s, then indexes "
            + $"{Report.F(stock.Indexing.TotalSeconds)} s); beside it the other {rebuilt.ByDaemon.Count} by the daemon {ProjectionsRebuild.DaemonRebuildsAtOnce} at a time "
            + $"(slowest: {Slowest(rebuilt.ByDaemon.Select(p => (p.Projection, p.Took)))}); {events:N0} events in {Report.F(rebuilt.Elapsed.TotalSeconds)} s; "
            + $"stock tables identical to the daemon's: {identical}; `dotnet Muster.Api.dll rebuild` in its own process (peak {ran.PeakWorkingSetMb:N0} MB); baseline: the row above, in this process");

        var floor = await RebuildFloor.MeasureAsync(store, raw);
        var floorPerSecond = events / floor.Elapsed.TotalSeconds;
        report.Add("rebuild floor: PostgreSQL's reading and writing alone", $"{Report.F(floorPerSecond, "N0")} events/s", $"{Report.F(perSecond, "N0")} events/s (the rebuild)",
            Report.F(perSecond / floorPerSecond, "N2") + "×",
            $"every one of the {events:N0} events read once by binary COPY and dropped ({floor.BytesRead / 1e6:N0} MB in {Report.F(floor.Reading.TotalSeconds)} s), beside both stock tables written again "
            + $"inside PostgreSQL ({floor.RowsWritten:N0} rows, insert … select and primary keys, {Report.F(floor.Writing.TotalSeconds)} s): {Report.F(floor.Elapsed.TotalSeconds)} s; "
            + "no folding, serializing, secondary indexes or other projections, so no rebuild here can be faster than this");
    }

    private static string Slowest(IEnumerable<(string Name, TimeSpan Elapsed)> took) =>
        string.Join(", ", took.OrderByDescending(t => t.Elapsed).Take(3).Select(t => $"{t.Name.Split('.')[^1]} {Report.F(t.Elapsed.TotalSeconds)} s"));

    /// <summary>A digest of every row of both stock tables (last-modified times aside).</summary>
    private static async Task<string> StockFingerprintAsync(NpgsqlDataSource raw)
    {
        await using var command = raw.CreateCommand("""
            select (select md5(string_agg(concat_ws('|', id, depot_id, item_code, on_hand, reserved, in_transit, updated_at), ',' order by id)) from muster.stock_levels)
                || (select md5(string_agg(concat_ws('|', id, data, mt_version, mt_dotnet_type), ',' order by id)) from muster.mt_doc_stockline)
            """);
        return (string?)await command.ExecuteScalarAsync() ?? "";
    }

    /// <summary>Copies of every stock-line stream and its events under new stream and depot ids (levels and documents follow).</summary>
    private static async Task CopyStockStreamsAsync(NpgsqlDataSource raw, int copies, Action<string> say)
    {
        var clock = Stopwatch.StartNew();
        await using var copy = raw.CreateCommand($$"""
            create temp table copies as select s.id as old_id, gen_random_uuid() as new_id, gen_random_uuid() as depot
              from muster.mt_streams s cross join generate_series(1, {{copies}}) where s.type = 'stock_line';
            insert into muster.mt_streams (id, type, version, timestamp, created, tenant_id)
              select c.new_id, s.type, s.version, s.timestamp, s.created, s.tenant_id from copies c join muster.mt_streams s on s.id = c.old_id;
            insert into muster.mt_events (seq_id, id, stream_id, version, data, type, timestamp, tenant_id, mt_dotnet_type, headers, user_name, is_archived)
              select nextval('muster.mt_events_sequence'), gen_random_uuid(), c.new_id, e.version,
                     jsonb_set(jsonb_set(e.data, '{DepotId}', to_jsonb(c.depot::text)), '{StockLineId}', to_jsonb(c.new_id::text)),
                     e.type, e.timestamp, e.tenant_id, e.mt_dotnet_type, e.headers, e.user_name, e.is_archived
              from copies c join muster.mt_events e on e.stream_id = c.old_id;
            analyze muster.mt_events;
            analyze muster.mt_streams;
            """);
        copy.CommandTimeout = 0;
        await copy.ExecuteNonQueryAsync();
        say($"  copied every stock-line stream {copies} times in {clock.Elapsed.TotalSeconds:N1} s");
    }
}
