using System.Collections.Concurrent;
using System.Diagnostics;
using Marten;
using Muster.Supplies.Rebuilding;
using Npgsql;

namespace Muster.Rebuilding;

/// <summary>How long Marten's daemon took to rebuild one projection.</summary>
public sealed record RebuiltByDaemon(string Projection, TimeSpan Took);

public sealed record ProjectionsRebuilt(StockRebuilt Stock, IReadOnlyList<RebuiltByDaemon> ByDaemon, TimeSpan Elapsed);

/// <summary>
/// Every projection rebuilt from the events (#17, aim 4): the stock tables set by set (<see cref="StockRebuild"/>), and
/// beside it the others by Marten's daemon, <see cref="DaemonRebuildsAtOnce"/> at a time. They are independent: each
/// projection reads only events and writes only its own tables. Meant for a store nobody writes to meanwhile.
/// </summary>
public sealed class ProjectionsRebuild(IDocumentStore store, NpgsqlDataSource database)
{
    /// <summary>A few at a time: on two cores the stock rebuild keeps one busy, and all at once was slower.</summary>
    public const int DaemonRebuildsAtOnce = 2;

    private static readonly TimeSpan ShardTimeout = TimeSpan.FromHours(2);

    public async Task<ProjectionsRebuilt> RunAsync(CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var others = ((StoreOptions)store.Options).Projections.All.Where(p => !StockRebuild.Replaces(p)).Select(p => p.Name).ToList();
        var byDaemon = new ConcurrentQueue<RebuiltByDaemon>();
        using var daemon = await store.BuildProjectionDaemonAsync();
        // The daemon finds its ceiling before the stock's long transaction opens: a gap in the events' sequence (an
        // append that rolled back) with that transaction alive looked to it like a writer that might still fill the
        // gap, and every projection it rebuilt waited for the stock to commit (114 s at province size).
        await daemon.PrepareForRebuildsAsync();
        var stock = new StockRebuild(store, database).RunAsync(ct);
        var daemonRebuilds = Parallel.ForEachAsync(
            others,
            new ParallelOptions { MaxDegreeOfParallelism = DaemonRebuildsAtOnce, CancellationToken = ct },
            async (name, token) =>
            {
                var one = Stopwatch.StartNew();
                await daemon.RebuildProjectionAsync(name, ShardTimeout, token);
                byDaemon.Enqueue(new RebuiltByDaemon(name, one.Elapsed));
            });
        await Task.WhenAll(stock, daemonRebuilds);
        return new ProjectionsRebuilt(await stock, [.. byDaemon], clock.Elapsed);
    }
}
