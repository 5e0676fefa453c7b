using System.Globalization;
using System.Text.Json.Nodes;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Muster.Api.GraphQL.Relay;
using Muster.Api.Operations.Rebuilding;
using Muster.Api.Tests.Support;
using Muster.Infrastructure;
using Muster.Infrastructure.Writing;
using Muster.Rebuilding;
using Muster.Scheduling;
using Muster.Supplies;
using Muster.Supplies.Levels;
using Muster.Supplies.Rebuilding;
using Muster.Supplies.Reserving;
using Npgsql;
using static Muster.Api.Tests.Support.StockCalls;

namespace Muster.Api.Tests.Supplies;

/// <summary>The stock tables rebuilt from the events, by Marten's daemon and set by set, against the inline projections.</summary>
public sealed class RebuildStockProjectionsTests(DepotsAndCatalog given) : IClassFixture<DepotsAndCatalog>
{
    private MusterApp App => given.App;

    private NpgsqlDataSource Database => App.Services.GetRequiredService<NpgsqlDataSource>();

    private IDocumentStore Store => App.Services.GetRequiredService<IDocumentStore>();

    [Fact]
    public async Task Rebuilding_the_stock_lines_and_levels_from_the_events_gives_identical_stock_levels()
    {
        await GivenStockHistoryAsync();
        var before = await WhatLogisticsSeesAsync();
        await ExecuteAsync($"delete from {StockLevelsTable.Name}");

        var emptied = await WhatLogisticsSeesAsync();
        using (var daemon = await Store.BuildProjectionDaemonAsync())
        {
            await daemon.RebuildProjectionAsync<StockLevelsProjection>(CancellationToken.None);
            await daemon.RebuildProjectionAsync<StockLineProjection>(CancellationToken.None);
        }

        var after = await WhatLogisticsSeesAsync();

        Assert.DoesNotContain("\"onHand\"", emptied, StringComparison.Ordinal);
        Assert.Contains("\"onHand\":115", before, StringComparison.Ordinal);
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task Rebuilding_every_projection_gives_every_stock_level_lot_and_transfer_as_the_inline_projections_left_them()
    {
        await GivenStockHistoryAsync();
        var seen = await WhatLogisticsSeesAsync();
        var stored = await StoredRowsAsync();
        await ExecuteAsync($"delete from {StockLevelsTable.Name}; delete from {EventStoreModule.Schema}.mt_doc_stockline; delete from {EventStoreModule.Schema}.mt_doc_transfer");
        var emptied = await WhatLogisticsSeesAsync();

        var rebuilt = await new ProjectionsRebuild(Store, Database).RunAsync(CancellationToken.None);

        Assert.DoesNotContain("\"onHand\"", emptied, StringComparison.Ordinal);
        Assert.Contains("\"inTransit\":15", seen, StringComparison.Ordinal); // the shared depot's tents, on the road
        Assert.Contains("\"status\":\"CANCELLED\"", seen, StringComparison.Ordinal);
        Assert.Equal(seen, await WhatLogisticsSeesAsync());
        Assert.Equal(stored, await StoredRowsAsync());
        Assert.Contains(rebuilt.ByDaemon, p => p.Projection == "Transfer");
        Assert.DoesNotContain(rebuilt.ByDaemon, p => p.Projection.Contains("Stock", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_rebuild_command_over_emptied_stock_tables_stores_every_row_again_and_says_what_it_rebuilt()
    {
        await GivenStockHistoryAsync();
        var stored = await StoredRowsAsync();
        await ExecuteAsync($"delete from {StockLevelsTable.Name}; delete from {EventStoreModule.Schema}.mt_doc_stockline");

        // --force: this class's service is running (idle) on the same database.
        var ran = await ServiceCommand.RunAsync(App.Database, "rebuild", "--force", "--json");

        Assert.True(ran.ExitCode == 0, ran.Error);
        Assert.Equal(stored, await StoredRowsAsync());
        var report = JsonNode.Parse(ran.Output)!;
        Assert.Equal(await CountAsync($"select count(*) from {EventStoreModule.Schema}.mt_events"), (long)report["events"]!);
        Assert.Equal(await CountAsync($"select count(*) from {EventStoreModule.Schema}.mt_doc_stockline"), (long)report["rebuilt"]!["stock"]!["lines"]!);
        Assert.Contains(report["rebuilt"]!["byDaemon"]!.AsArray(), p => (string)p!["projection"]! == "Transfer");
    }

    [Fact]
    public async Task Without_json_the_rebuild_command_tells_the_operator_in_words_how_many_events_and_stock_lines_it_rebuilt()
    {
        await GivenStockHistoryAsync();

        var ran = await ServiceCommand.RunAsync(App.Database, "rebuild", "--force");

        Assert.True(ran.ExitCode == 0, ran.Error);
        var events = await CountAsync($"select count(*) from {EventStoreModule.Schema}.mt_events");
        var lines = await CountAsync($"select count(*) from {EventStoreModule.Schema}.mt_doc_stockline");
        Assert.StartsWith(string.Create(CultureInfo.InvariantCulture, $"rebuilt every projection from {events:N0} events in "), ran.Output, StringComparison.Ordinal);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"stock lines and levels set by set: {lines:N0} lines, "), ran.Output, StringComparison.Ordinal);
        Assert.Contains("peak memory", ran.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_rebuild_command_refuses_while_an_instance_of_the_service_runs_and_rewrites_nothing()
    {
        await GivenStockHistoryAsync();
        var before = await TextAsync(RowVersions);
        // An instance that crashed ten minutes ago left its row in Quartz's cluster table; it does not count.
        var crashed = DateTime.UtcNow.AddMinutes(-10).Ticks;
        await ExecuteAsync($"insert into qrtz_scheduler_state (sched_name, instance_name, last_checkin_time, checkin_interval) values ('{SchedulingModule.SchedulerName}', 'crashed-instance', {crashed}, 5000)");

        var ran = await ServiceCommand.RunAsync(App.Database, "rebuild");

        Assert.Equal(RebuildCommand.Refused, ran.ExitCode);
        Assert.Contains("1 instance(s) of the service are running", ran.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("crashed-instance", ran.Error, StringComparison.Ordinal);
        Assert.Contains("--force", ran.Error, StringComparison.Ordinal);
        Assert.Equal("", ran.Output);
        Assert.Equal(before, await TextAsync(RowVersions));
    }

    [Fact]
    public async Task Ctrl_C_stops_the_rebuild_command_and_the_stock_tables_keep_their_rows()
    {
        await GivenStockHistoryAsync();
        var before = await TextAsync(RowVersions);
        // The stock's transaction waits on this lock: the rebuild is still running when the operator presses Ctrl+C.
        await using var holder = await Database.OpenConnectionAsync();
        await using var hold = await holder.BeginTransactionAsync();
        await using (var share = new NpgsqlCommand($"lock table {StockLevelsTable.Name} in access share mode", holder, hold))
        {
            await share.ExecuteNonQueryAsync();
        }

        using var command = ServiceCommand.Start(App.Database, "rebuild", "--force");
        await Eventually.HoldsAsync(
            async () => await CountAsync($"select count(*) from pg_locks where relation = '{StockLevelsTable.Name}'::regclass and not granted") > 0,
            "the rebuild waits for the stock table");
        command.Interrupt();
        var ran = await command.EndedAsync(TimeSpan.FromSeconds(30));
        await hold.RollbackAsync();

        Assert.True(ran.ExitCode == RebuildCommand.Interrupted, $"exit code {ran.ExitCode}: {ran.Error}");
        Assert.Contains("rebuild interrupted", ran.Error, StringComparison.Ordinal);
        Assert.Equal(before, await TextAsync(RowVersions));
    }

    [Fact]
    public async Task Rebuilding_the_stock_a_few_streams_at_a_time_stores_every_row_as_the_inline_projections_did()
    {
        await GivenStockHistoryAsync();
        var stored = await StoredRowsAsync();
        await ExecuteAsync($"delete from {StockLevelsTable.Name}; delete from {EventStoreModule.Schema}.mt_doc_stockline");

        // Two streams a run: every run reads its own range of the events' index, and many runs hold no stock line at all.
        var rebuilt = await new StockRebuild(Store, Database, streamsPerChunk: 2).RunAsync(CancellationToken.None);

        Assert.Equal(stored, await StoredRowsAsync());
        Assert.True(rebuilt.Lines >= 3, $"{rebuilt.Lines} lines rebuilt");
    }

    [Fact]
    public async Task A_gap_in_the_events_sequence_does_not_hold_the_other_projections_until_the_stock_commits()
    {
        // The stock's transaction will wait on this lock, as it stays open through a long rebuild of a large stock. The
        // session holding it has done nothing since the daemon last saw the events' sequence, so the daemon knows it
        // cannot be the writer of a gap that comes later.
        await using var holder = await Database.OpenConnectionAsync();
        await using var hold = await holder.BeginTransactionAsync();
        await using (var share = new NpgsqlCommand($"lock table {StockLevelsTable.Name} in access share mode", holder, hold))
        {
            await share.ExecuteNonQueryAsync();
        }

        using (var daemon = await Store.BuildProjectionDaemonAsync())
        {
            await daemon.PrepareForRebuildsAsync();
        }

        // An append that rolled back leaves its sequence number unused; an item defined after it lies beyond the gap.
        await ExecuteAsync($"select nextval('{EventStoreModule.Schema}.mt_events_sequence')");
        var code = await NewItemAsync(App);
        await ExecuteAsync($"delete from {EventStoreModule.Schema}.mt_doc_item where data ->> 'Code' = '{code}'");

        var rebuild = new ProjectionsRebuild(Store, Database).RunAsync(CancellationToken.None);
        var itemBack = await ItemRebuiltAsync(code, rebuild, TimeSpan.FromSeconds(15));
        var stockDoneMeanwhile = rebuild.IsCompleted;
        await hold.RollbackAsync();
        await rebuild;

        Assert.True(itemBack, "the item defined after the gap was not rebuilt while the stock's transaction was open");
        Assert.False(stockDoneMeanwhile);
    }

    /// <summary>Whether the item's document is back before <paramref name="within"/> has passed or the rebuild ended.</summary>
    private async Task<bool> ItemRebuiltAsync(string code, Task rebuild, TimeSpan within)
    {
        await using var command = Database.CreateCommand($"select count(*) from {EventStoreModule.Schema}.mt_doc_item where data ->> 'Code' = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = code });
        using var deadline = new CancellationTokenSource(within);
        while (!deadline.IsCancellationRequested && !rebuild.IsCompleted)
        {
            if (Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) > 0)
            {
                return true;
            }

            await Task.Delay(100, CancellationToken.None);
        }

        return false;
    }

    [Fact]
    public async Task After_the_rebuild_the_stock_takes_reservations_and_a_write_on_a_stale_read_is_a_conflict()
    {
        var tents = await NewItemAsync(App);
        var depot = GlobalId.Of("Depot", given.BureauDepot)!.Value;
        await StockAsync(App, given.BureauDepot, tents, 40, "T-9", "2031-01-01");
        await new StockRebuild(Store, Database).RunAsync(CancellationToken.None);

        await ReserveAsync(App, given.BureauDepot, tents, 25);
        var tooMuch = await ReserveOnAsync(depot, tents, 16);
        var stale = await ReserveOnAsync(depot, tents, 5, meanwhile: () => ReserveAsync(App, given.BureauDepot, tents, 5));

        Assert.Equal(ErrorCodes.InsufficientStock, tooMuch.Errors.Single().Code);
        Assert.Equal(ErrorCodes.Conflict, stale.Errors.Single().Code);
        var level = (await LevelsAsync(App, tents, given.BureauDepot)).Single()!;
        Assert.Equal((40, 30, 10), (Number(level, "onHand"), Number(level, "reserved"), Number(level, "available")));
    }

    /// <summary>
    /// A reservation decided on the line as fetched for writing (not locked); <paramref name="meanwhile"/> runs between
    /// the read and the commit, as another writer would.
    /// </summary>
    private async Task<Result<StockReserved>> ReserveOnAsync(Guid depot, string itemCode, int quantity, Func<Task>? meanwhile = null)
    {
        using var scope = App.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<EventWriter>().RunAsync(
            async (session, _, ct) =>
            {
                var stream = await session.Events.FetchForWriting<StockLine>(StockLineId.Of(depot, itemCode), ct);
                var reservation = StockReservations.Reserve(stream.Aggregate, Guid.NewGuid(), ReservationHolder.SupplyRequest, quantity);
                if (meanwhile is not null)
                {
                    await meanwhile();
                }

                if (reservation.Succeeded)
                {
                    stream.AppendOne(reservation.Value!);
                }

                return reservation;
            },
            DomainError.Conflict("the stock line changed"),
            CancellationToken.None);
    }

    /// <summary>Every stock level with its lots of each depot, and every transfer, as logistics sees them.</summary>
    private async Task<string> WhatLogisticsSeesAsync()
    {
        var all = new JsonArray();
        foreach (var depot in new[] { given.BureauDepot, given.SharedDepot, given.RedCrossDepot })
        {
            all.Add(new JsonArray([.. (await LevelsAsync(App, null, depot)).Select(l => l!.DeepClone())]));
        }

        var transfers = await App.PostAsync(Transfers, new { }, App.Token("logistics"));
        all.Add(transfers.Data!["transfers"]!.DeepClone());
        return all.ToJsonString();
    }

    // Without their times: the inline projection keeps an event's time to 100 ns, any rebuild the stored microseconds.
    private const string Transfers = """
        query { transfers(first: 50) { edges { node { id status from { id } to { id } itemCode quantity lots { lot expiresOn quantity } } } } }
        """;

    /// <summary>
    /// The rows of both stock tables, revisions included; the stock lines' times to the microsecond (see
    /// <see cref="Transfers"/>).
    /// </summary>
    private async Task<string> StoredRowsAsync()
    {
        var rows = new JsonArray();
        await using var command = Database.CreateCommand($"""
            select json_build_object('id', id, 'depot', depot_id, 'item', item_code, 'onHand', on_hand, 'reserved', reserved,
                                     'inTransit', in_transit, 'updatedAt', updated_at)::text
            from {StockLevelsTable.Name}
            union all
            select json_build_object('id', id, 'data', data, 'version', mt_version, 'type', mt_dotnet_type)::text
            from {EventStoreModule.Schema}.mt_doc_stockline
            order by 1
            """);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var row = JsonNode.Parse(reader.GetString(0))!;
            if (row["data"] is JsonObject data)
            {
                data["UpdatedAt"] = ToMicroseconds(data["UpdatedAt"]!.GetValue<DateTimeOffset>());
            }

            rows.Add(row);
        }

        return rows.ToJsonString();
    }

    private static DateTimeOffset ToMicroseconds(DateTimeOffset at) => at.AddTicks(-(at.Ticks % 10));

    /// <summary>
    /// A fresh item's history: receipts, a reservation, a count, a write-off, a transfer called off (its reservation
    /// released), one shipped and not yet received, one received; and stock of another item and depot.
    /// </summary>
    private async Task GivenStockHistoryAsync()
    {
        var tents = await NewItemAsync(App);
        await StockAsync(App, given.BureauDepot, tents, 100, "T-1", "2030-01-01");
        await StockAsync(App, given.BureauDepot, tents, 50, "T-2", "2029-01-01");
        await ReserveAsync(App, given.BureauDepot, tents, 30);
        await AdjustAsync(App, given.BureauDepot, tents, "T-1", 95);
        await WriteOffAsync(App, given.BureauDepot, tents, "T-2", 10);
        var cancelled = TransferCalls.Id(await TransferCalls.StartedAsync(App, given.BureauDepot, given.SharedDepot, tents, 20));
        TransferCalls.Succeeded(await TransferCalls.CancelAsync(App, cancelled));
        var onTheRoad = TransferCalls.Id(await TransferCalls.StartedAsync(App, given.BureauDepot, given.SharedDepot, tents, 15));
        TransferCalls.Succeeded(await TransferCalls.ShipAsync(App, onTheRoad));
        var arrived = TransferCalls.Id(await TransferCalls.StartedAsync(App, given.BureauDepot, given.RedCrossDepot, tents, 5));
        TransferCalls.Succeeded(await TransferCalls.ShipAsync(App, arrived));
        TransferCalls.Succeeded(await TransferCalls.ReceiveAsync(App, arrived));
        await StockAsync(App, given.SharedDepot, DepotsAndCatalog.Water, 70, "W-1", "2028-01-01");
        await StockAsync(App, given.RedCrossDepot, tents, 3, "RC");
    }

    /// <summary>Where each stock level's row version lies: a rebuild writes every row anew.</summary>
    private const string RowVersions = $"select string_agg(xmin::text, ',' order by id) from {StockLevelsTable.Name}";

    private async Task<long> CountAsync(string sql) => Convert.ToInt64(await ScalarAsync(sql), CultureInfo.InvariantCulture);

    private async Task<string> TextAsync(string sql) => (string)(await ScalarAsync(sql))!;

    private async Task<object?> ScalarAsync(string sql)
    {
        await using var command = Database.CreateCommand(sql);
        return await command.ExecuteScalarAsync();
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var command = Database.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }
}
