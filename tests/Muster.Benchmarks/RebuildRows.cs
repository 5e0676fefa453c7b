using System.Diagnostics;
using System.Globalization;
using Marten;
using Npgsql;

namespace Muster.Benchmarks;

/// <summary>
/// Every projection rebuilt from the events by Marten's daemon, one after another, with the time each took (#17, aim 4).
/// What was tried and measured (README, Performance): larger pages, the deferred flush with binary COPY, all at once.
/// </summary>
public static class RebuildRows
{
    public static async Task RunAsync(IDocumentStore store, NpgsqlDataSource raw, Report report, Action<string> say)
    {
        await using var countEvents = raw.CreateCommand("select count(*) from muster.mt_events");
        var events = Convert.ToInt64(await countEvents.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        var names = ((StoreOptions)store.Options).Projections.All.Select(p => p.Name).ToList();
        using var daemon = await store.BuildProjectionDaemonAsync();
        var took = new List<(string Name, TimeSpan Elapsed)>();
        var clock = Stopwatch.StartNew();
        foreach (var name in names)
        {
            var one = Stopwatch.StartNew();
            await daemon.RebuildProjectionAsync(name, TimeSpan.FromHours(2), CancellationToken.None);
            took.Add((name, one.Elapsed));
            say($"  rebuilt {name} in {one.Elapsed.TotalSeconds:N1} s");
        }

        clock.Stop();
        var slowest = string.Join(", ", took.OrderByDescending(t => t.Elapsed).Take(3).Select(t => $"{t.Name.Split('.')[^1]} {Report.F(t.Elapsed.TotalSeconds)} s"));
        report.Add("rebuild", $"{Report.F(events / clock.Elapsed.TotalSeconds, "N0")} events/s", "", "",
            $"all {names.Count} projections, one after another, over {events:N0} events in {Report.F(clock.Elapsed.TotalSeconds)} s; slowest: {slowest}");
    }
}
