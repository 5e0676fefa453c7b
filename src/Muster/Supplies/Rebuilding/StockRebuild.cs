using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading.Channels;
using Marten;
using Muster.Supplies.Levels;
using Npgsql;

namespace Muster.Supplies.Rebuilding;

/// <summary>
/// What a set-based rebuild of the stock did, and where its time went: reading and folding the events (summed over
/// the readers, beside the copying), copying the rows, building the indexes again.
/// </summary>
public sealed record StockRebuilt(long Events, long Lines, long Levels, TimeSpan Reading, TimeSpan Copying, TimeSpan Indexing, TimeSpan Elapsed);

/// <summary>
/// The stock lines' documents and the stock-level table rebuilt set by set rather than event by event (#17, aim 4):
/// their events read a chunk of streams at a time (two chunks at once), folded by the same code as the inline
/// projections, and written with binary COPY while the next chunks are read. Everything goes in one transaction: readers see the old stock until the
/// new is complete. Like Marten's own rebuild, it is meant for a store nobody writes to meanwhile.
/// </summary>
public sealed class StockRebuild(IDocumentStore store, NpgsqlDataSource database, int streamsPerChunk = StockRebuild.StreamsPerChunk)
{
    public const int StreamsPerChunk = 5_000;

    public const int Readers = 2;

    /// <summary>Whether <paramref name="projection"/> is one of the projections this rebuild replaces.</summary>
    public static bool Replaces(object projection) => projection is StockLineProjection or StockLevelsProjection;

    public async Task<StockRebuilt> RunAsync(CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var chunks = new StockChunks(store, database, streamsPerChunk);
        var transfers = await chunks.TransferChangesAsync(ct);
        await using var connection = await database.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await ClearAsync(connection, ct);
        var copy = new StockCopy(connection, store);
        var indexes = await copy.DropIndexesAsync(ct);

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var folded = Channel.CreateBounded<StockChunk>(2);
        var reading = ReadAsync(chunks, transfers, folded.Writer, stop.Token);
        var copying = new Stopwatch();
        long events = 0, lines = 0, levels = 0;
        try
        {
            await foreach (var chunk in folded.Reader.ReadAllAsync(stop.Token))
            {
                copying.Start();
                await copy.LinesAsync(chunk.Lines, stop.Token);
                await copy.LevelsAsync(chunk.Levels, stop.Token);
                copying.Stop();
                (events, lines, levels) = (events + chunk.Events, lines + chunk.Lines.Count, levels + chunk.Levels.Count);
            }
        }
        catch
        {
            await stop.CancelAsync();
            throw;
        }
        finally
        {
            await Task.WhenAny(reading); // the reader has stopped, whatever happened to it
        }

        var transfersOnly = StockChunks.LevelsOfTransfersOnly(transfers);
        await copy.LevelsAsync(transfersOnly, ct);
        var indexing = Stopwatch.StartNew();
        await copy.CreateIndexesAsync(indexes, ct);
        await transaction.CommitAsync(ct);
        return new StockRebuilt(events, lines, levels + transfersOnly.Count, await reading, copying.Elapsed, indexing.Elapsed, clock.Elapsed);
    }

    /// <summary>
    /// Reads and folds ranges of streams into <paramref name="folded"/>, <see cref="Readers"/> at a time (one reader left
    /// a core idle: half of its time is Marten turning rows into events); answers the time they spent, summed.
    /// </summary>
    private static async Task<TimeSpan> ReadAsync(
        StockChunks chunks, ConcurrentDictionary<Guid, List<SequencedChange>> transfers, ChannelWriter<StockChunk> folded, CancellationToken ct)
    {
        await Task.Yield();
        long busy = 0;
        try
        {
            await Parallel.ForEachAsync(
                await chunks.StreamRangesAsync(ct),
                new ParallelOptions { MaxDegreeOfParallelism = Readers, CancellationToken = ct },
                async (streams, token) =>
                {
                    var started = Stopwatch.GetTimestamp();
                    var chunk = await chunks.FoldAsync(streams, transfers, token);
                    Interlocked.Add(ref busy, Stopwatch.GetTimestamp() - started);
                    await folded.WriteAsync(chunk, token);
                });
            folded.Complete();
            return TimeSpan.FromSeconds(busy / (double)Stopwatch.Frequency);
        }
        catch (Exception e)
        {
            folded.Complete(e);
            throw;
        }
    }

    /// <summary>
    /// Empties both tables, and leaves Marten no progress or dead letters of the two projections: what its own rebuild
    /// of an inline projection leaves when it is done (an inline projection keeps no progress of its own).
    /// </summary>
    private async Task ClearAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var names = ((StoreOptions)store.Options).Projections.All.Where(Replaces).Select(p => p.Name).ToArray();
        var schema = store.Options.Events.DatabaseSchemaName;
        await using var clear = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand($"truncate {StockCopy.Table(store)}, {StockLevelsTable.Name}"),
                new NpgsqlBatchCommand($"delete from {schema}.mt_event_progression where split_part(name, ':', 1) = any($1)") { Parameters = { new() { Value = names } } },
                new NpgsqlBatchCommand($"delete from {schema}.mt_doc_deadletterevent where data ->> 'ProjectionName' = any($1)") { Parameters = { new() { Value = names } } },
            },
        };
        await clear.ExecuteNonQueryAsync(ct);
    }
}
