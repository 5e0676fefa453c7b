using System.Collections.Concurrent;
using System.Globalization;
using JasperFx.Events;
using Marten;
using Marten.Events;
using Muster.Infrastructure;
using Muster.Infrastructure.Writing;
using Muster.Supplies.Levels;
using Muster.Transfers;
using Npgsql;

namespace Muster.Supplies.Rebuilding;

/// <summary>The stock lines of a range of streams, folded from their events: the documents and the levels to copy.</summary>
public sealed record StockChunk(IReadOnlyList<RebuiltLine> Lines, IReadOnlyList<StockLevel> Levels, int Events);

/// <summary>
/// A stock line's document as the inline projection stores it: Marten's JSON of the aggregate (written by the readers, so
/// that the one writer only copies), under its stream's id, with its last event's version as revision.
/// </summary>
public sealed record RebuiltLine(Guid StreamId, string Json, long Version);

/// <summary>A change to a stock level with its place in the whole store's order of events.</summary>
public sealed record SequencedChange(long Sequence, StockLevelChange Change);

/// <summary>
/// Reads the stock lines' events a range of stream ids at a time, by stream and version, and folds each stream with the
/// aggregate's own <see cref="StockLine.After"/> and each level with <see cref="StockLevelChange.AppliedTo"/>: only a
/// few ranges of streams are in memory at a time.
/// </summary>
public sealed class StockChunks(IDocumentStore store, NpgsqlDataSource database, int streamsPerChunk)
{
    private readonly EventGraph _graph = (EventGraph)((StoreOptions)store.Options).Events;
    private readonly ISerializer _serializer = store.Options.Serializer();

    /// <summary>The stock line's event types by the name the store gives each.</summary>
    private readonly Dictionary<string, Type> _lineEventNames = AggregateProjection<StockLine>.EventTypes
        .ToDictionary(type => type.GetEventTypeName(store.Options.Events.EventNamingStyle));

    /// <summary>The transfers' changes to stock levels (few beside the stock lines' own events), by stock line.</summary>
    public async Task<ConcurrentDictionary<Guid, List<SequencedChange>>> TransferChangesAsync(CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var events = await session.Events.QueryAllRawEvents()
            .Where(e => e.EventTypesAre(typeof(TransferShipped), typeof(TransferReceived)))
            .OrderBy(e => e.Sequence)
            .ToListAsync(ct);
        return new(events
            .Select(e => new SequencedChange(e.Sequence, StockLevelChange.Of(e)!))
            .GroupBy(c => c.Change.StockLineId)
            .Select(g => KeyValuePair.Create(g.Key, g.ToList())));
    }

    /// <summary>
    /// Ranges of stream ids that hold about <c>streamsPerChunk</c> streams each: found without reading the streams, which
    /// cost a heap fetch per stream in the order of ids (24 s of the server's time at province size).
    /// </summary>
    public async Task<IReadOnlyList<StreamIdRange>> StreamRangesAsync(CancellationToken ct)
    {
        await using var count = database.CreateCommand($"select count(*) from {store.Options.Events.DatabaseSchemaName}.mt_streams");
        var streams = Convert.ToInt64(await count.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
        return StreamIdRange.Split((streams + streamsPerChunk - 1) / streamsPerChunk);
    }

    /// <summary>
    /// The stock lines of a range of streams, from their events by stream and version. A transfer's changes join their
    /// line's and are taken out of <paramref name="transfers"/>: what is left there at the end reached lines that have
    /// no stream of their own.
    /// </summary>
    public async Task<StockChunk> FoldAsync(StreamIdRange streams, ConcurrentDictionary<Guid, List<SequencedChange>> transfers, CancellationToken ct) =>
        Fold(await LineEventsAsync(streams, ct), transfers);

    /// <summary>The levels of lines that only transfers reached (a destination that never held the item).</summary>
    public static IReadOnlyList<StockLevel> LevelsOfTransfersOnly(ConcurrentDictionary<Guid, List<SequencedChange>> transfers) =>
        transfers.Values.Select(changes => LevelAfter(changes)).OfType<StockLevel>().ToList();

    private StockChunk Fold(IReadOnlyList<IEvent> events, ConcurrentDictionary<Guid, List<SequencedChange>> transfers)
    {
        var lines = new List<RebuiltLine>();
        var levels = new List<StockLevel>();
        foreach (var stream in events.GroupBy(e => e.StreamId))
        {
            if (stream.Aggregate((StockLine?)null, StockLine.After) is { } line)
            {
                lines.Add(new RebuiltLine(stream.Key, _serializer.ToJson(line), stream.Last().Version));
            }

            var changes = stream.Select(e => StockLevelChange.Of(e) is { } c ? new SequencedChange(e.Sequence, c) : null).OfType<SequencedChange>();
            if (transfers.TryRemove(stream.Key, out var moved))
            {
                changes = changes.Concat(moved).OrderBy(c => c.Sequence);
            }

            if (LevelAfter(changes) is { } level)
            {
                levels.Add(level);
            }
        }

        return new StockChunk(lines, levels, events.Count);
    }

    private static StockLevel? LevelAfter(IEnumerable<SequencedChange> changes) =>
        changes.Aggregate((StockLevel?)null, (level, c) => c.Change.AppliedTo(level));

    /// <summary>
    /// The stock lines' events of a range of streams, by stream and version: one range of the events' (stream_id, version)
    /// index. Marten's query of many streams takes their ids as a list, and PostgreSQL, pricing thousands of index probes,
    /// scanned the whole event table for each instead (7 times the server's time on a city). Each body is read by Marten's
    /// serializer and wrapped as Marten wraps it, with what the folds use of the row.
    /// <para>
    /// The read runs without parallel workers. PostgreSQL chose a parallel bitmap scan with two workers for each range,
    /// and each worker, a new process, first loads PostGIS and its libraries (about 80 ms of CPU on this VM, the
    /// dynamic linker most of it): at province size that was 900 worker starts, a seventh of the rebuild's CPU.
    /// </para>
    /// </summary>
    private async Task<List<IEvent>> LineEventsAsync(StreamIdRange streams, CancellationToken ct)
    {
        var query = new NpgsqlBatchCommand($"""
            select seq_id, stream_id, version, timestamp, type, data from {store.Options.Events.DatabaseSchemaName}.mt_events
            where stream_id >= $1 {(streams.To is null ? "" : "and stream_id < $3")} and type = any($2) and not is_archived
            order by stream_id, version
            """)
        {
            Parameters = { new() { Value = streams.From }, new() { Value = _lineEventNames.Keys.ToArray() } },
        };
        if (streams.To is { } to)
        {
            query.Parameters.Add(new() { Value = to });
        }

        await using var batch = LocalSettings.Batch(database, "max_parallel_workers_per_gather = 0", query);
        var events = new List<IEvent>();
        await using var reader = await batch.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var e = _graph.BuildEvent(_serializer.FromJson(_lineEventNames[reader.GetString(4)], reader, 5));
            e.Sequence = reader.GetInt64(0);
            e.StreamId = reader.GetGuid(1);
            e.Version = reader.GetInt64(2);
            e.Timestamp = reader.GetFieldValue<DateTimeOffset>(3);
            events.Add(e);
        }

        return events;
    }
}
