using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Marten;
using Microsoft.Extensions.Logging.Console;
using Muster.Infrastructure;
using Muster.Rebuilding;
using Muster.Scheduling;
using Npgsql;

namespace Muster.Api.Operations.Rebuilding;

/// <summary>What <c>rebuild --json</c> prints: the rebuild's parts and what the process took.</summary>
public sealed record RebuildReport(long Events, double EventsPerSecond, long PeakWorkingSetMb, ProjectionsRebuilt Rebuilt);

/// <summary>
/// <c>Muster.Api rebuild [--force] [--json]</c>: every projection rebuilt from the events (<see cref="ProjectionsRebuild"/>),
/// for an operator after a projection's code changed or its tables were lost. Like Marten's own rebuild it is meant for a
/// store nobody writes to meanwhile, so it refuses while an instance of the service is running (its scheduler checked in
/// lately), unless <c>--force</c>. The service's configuration applies (<c>ConnectionStrings__Muster</c>); the log goes
/// to standard error, the summary to standard output.
/// </summary>
public static class RebuildCommand
{
    public const string Verb = "rebuild";

    /// <summary>Exit code when instances of the service are running.</summary>
    public const int Refused = 3;

    /// <summary>Exit code after Ctrl+C (128 + SIGINT, as shells report it).</summary>
    public const int Interrupted = 130;

    public static bool Asked(string[] args) => args is [Verb, ..];

    /// <summary>The command's summary is its standard output; the log goes to standard error.</summary>
    public static void LogToStandardError(IServiceCollection services) =>
        services.Configure<ConsoleLoggerOptions>(console => console.LogToStandardErrorThreshold = LogLevel.Trace);

    /// <summary>Runs the command over the built (not started) service; Ctrl+C stops it, and the stock's transaction rolls back.</summary>
    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        using var interrupted = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            interrupted.Cancel();
        };
        try
        {
            return await RebuildAsync(services, args, interrupted.Token);
        }
        catch (OperationCanceledException) when (interrupted.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync("rebuild interrupted: the stock tables keep their old rows, other projections may be part-built; run it again before starting the service.");
            return Interrupted;
        }
    }

    private static async Task<int> RebuildAsync(IServiceProvider services, string[] args, CancellationToken ct)
    {
        var database = services.GetRequiredService<NpgsqlDataSource>();
        var store = services.GetRequiredService<IDocumentStore>();
        var live = await LiveInstances.FindAsync(database, services.GetRequiredService<TimeProvider>(), ct);
        if (live.Count > 0 && !args.Contains("--force"))
        {
            var who = string.Join(", ", live.Select(i => $"{i.Name} ({i.CheckedInAgo.TotalSeconds:N0} s ago)"));
            await Console.Error.WriteLineAsync($"rebuild refused: {live.Count} instance(s) of the service are running on this database (their scheduler checked in: {who}). "
                + "A rebuild is meant for a store nobody writes to meanwhile: stop every instance first, or pass --force.");
            return Refused;
        }

        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        await using var count = database.CreateCommand($"select count(*) from {EventStoreModule.Schema}.mt_events");
        var events = Convert.ToInt64(await count.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
        var rebuilt = await new ProjectionsRebuild(store, database).RunAsync(ct);
        using var self = Process.GetCurrentProcess();
        var report = new RebuildReport(events, events / rebuilt.Elapsed.TotalSeconds, self.PeakWorkingSet64 / (1024 * 1024), rebuilt);
        await Console.Out.WriteLineAsync(args.Contains("--json") ? JsonSerializer.Serialize(report, JsonSerializerOptions.Web) : Summary(report));
        return 0;
    }

    private static string Summary(RebuildReport report)
    {
        var stock = report.Rebuilt.Stock;
        var slowest = report.Rebuilt.ByDaemon.OrderByDescending(p => p.Took).Take(3).Select(p => $"{p.Projection.Split('.')[^1]} {p.Took.TotalSeconds:N1} s");
        return string.Create(CultureInfo.InvariantCulture, $"""
            rebuilt every projection from {report.Events:N0} events in {report.Rebuilt.Elapsed.TotalSeconds:N1} s ({report.EventsPerSecond:N0} events/s)
              stock lines and levels set by set: {stock.Lines:N0} lines, {stock.Levels:N0} levels from {stock.Events:N0} events in {stock.Elapsed.TotalSeconds:N1} s
              the other {report.Rebuilt.ByDaemon.Count} by Marten's daemon beside it, {ProjectionsRebuild.DaemonRebuildsAtOnce} at a time; the longest: {string.Join(", ", slowest)}
              peak memory {report.PeakWorkingSetMb:N0} MB
            """);
    }
}
