using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using JasperFx.Events;
using Marten;
using Marten.Events;
using Muster.Infrastructure.Writing;
using Muster.Supplies.Levels;
using Muster.Transfers;
using Npgsql;

namespace Muster.Supplies.Rebuilding;

/// <summary>The stock lines of a run of streams, folded from their events: the documents and the levels to copy.</summary>
public sealed record StockChunk(IReadOnlyList<RebuiltLine> Lines, IReadOnlyList<StockLevel> Levels, int Events);

/// <summary>A stock line's document as the inline projection stores it: under its stream's id, with the stream's version as revision.</summary>
public sealed record RebuiltLine(Guid StreamId, StockLine Line, long Version);

/// <summary>A change to a stock level with its place in the whole store's order of events.</summary>
public sealed record SequencedChange(long Sequence, StockLevelChange Change);

/// <summary>
/// Reads the stock lines' events a run of streams at a time, by stream and version, and folds each stream with the
/// aggregate's own <see cref="StockLine.After"/> and each level with <see cref="StockLevelChange.AppliedTo"/>: only a
/// few runs of streams are in memory at a time.
/// </summary>
public sealed class StockChunks(IDocumentStore store, NpgsqlDataSource database, int streamsPerChunk)
{
    private static readonly Type[] LineEvents = [.. AggregateProjection<StockLine>.EventTypes];

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

    /// <summary>Every stream with its version, a run of <c>streamsPerChunk</c> at a time, in the database's order of ids.</summary>
    public async IAsyncEnumerable<IReadOnlyList<(Guid Id, long Version)>> StreamRunsAsync([EnumeratorCancellation] CancellationToken ct)
    {
        var after = Guid.Empty;
        while (await NextStreamsAsync(after, ct) is { Count: > 0 } streams)
        {
            after = streams[^1].Id;
            yield return streams;
        }
    }

    /// <summary>
    /// The stock lines of a run of streams, from their events by stream and version. A transfer's changes join their
    /// line's and are taken out of <paramref name="transfers"/>: what is left there at the end reached lines that have
    /// no stream of their own.
    /// </summary>
    public async Task<StockChunk> FoldAsync(
        IReadOnlyList<(Guid Id, long Version)> streams, ConcurrentDictionary<Guid, List<SequencedChange>> transfers, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var ids = streams.Select(s => s.Id).ToList();
        var events = await session.Events.QueryAllRawEvents()
            .Where(e => e.StreamId.IsOneOf(ids) && e.EventTypesAre(LineEvents))
            .OrderBy(e => e.StreamId).ThenBy(e => e.Version)
            .ToListAsync(ct);
        return Fold(events, streams.ToDictionary(s => s.Id, s => s.Version), transfers);
    }

    /// <summary>The levels of lines that only transfers reached (a destination that never held the item).</summary>
    public static IReadOnlyList<StockLevel> LevelsOfTransfersOnly(ConcurrentDictionary<Guid, List<SequencedChange>> transfers) =>
        transfers.Values.Select(changes => LevelAfter(changes)).OfType<StockLevel>().ToList();

    private static StockChunk Fold(IReadOnlyList<IEvent> events, Dictionary<Guid, long> versions, ConcurrentDictionary<Guid, List<SequencedChange>> transfers)
    {
        var lines = new List<RebuiltLine>();
        var levels = new List<StockLevel>();
        foreach (var stream in events.GroupBy(e => e.StreamId))
        {
            if (stream.Aggregate((StockLine?)null, StockLine.After) is { } line)
            {
                lines.Add(new RebuiltLine(stream.Key, line, versions[stream.Key]));
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
    /// The next streams after <paramref name="after"/>, with their versions, in the database's order of ids (which is not
    /// <see cref="Guid"/>'s).
    /// </summary>
    private async Task<List<(Guid Id, long Version)>> NextStreamsAsync(Guid after, CancellationToken ct)
    {
        await using var command = database.CreateCommand(
            $"select id, version from {store.Options.Events.DatabaseSchemaName}.mt_streams where id > @after order by id limit {streamsPerChunk}");
        command.Parameters.AddWithValue("after", after);
        var streams = new List<(Guid Id, long Version)>(streamsPerChunk);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            streams.Add((reader.GetGuid(0), reader.GetInt64(1)));
        }

        return streams;
    }
}
