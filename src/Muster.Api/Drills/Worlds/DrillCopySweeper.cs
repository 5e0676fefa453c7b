using Marten;
using Muster.Drills;
using Npgsql;

namespace Muster.Api.Drills.Worlds;

/// <summary>
/// Drops the drill databases no open drill owns: left behind when the service died while a drill was starting, or when
/// an end could not drop its copy. At startup it looks twice, <see cref="DrillOptions.OrphanGrace"/> apart; a database
/// that no open drill owned and nobody used both times is dropped (a drill being started owns its database, or uses
/// it, within seconds). Only databases named as <see cref="DrillDatabase.NameFor"/> names this store's drills.
/// </summary>
public sealed partial class DrillCopySweeper(
    NpgsqlDataSource main, IDocumentStore store, DrillOptions options, TimeProvider time, ILogger<DrillCopySweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await SweepAsync(options.OrphanGrace, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the next start looks again.
        }
        catch (NpgsqlException e)
        {
            LogNotSwept(e);
        }
    }

    /// <summary>Looks, waits <paramref name="grace"/>, looks again, and drops what was left behind both times; answers what it dropped.</summary>
    public async Task<IReadOnlyList<string>> SweepAsync(TimeSpan grace, CancellationToken ct)
    {
        var first = await LeftBehindAsync(ct);
        if (first.Count == 0)
        {
            return [];
        }

        await Task.Delay(grace, time, ct);
        var dropped = (await LeftBehindAsync(ct)).Where(first.Contains).ToList();
        foreach (var database in dropped)
        {
            await DrillDatabase.DropAsync(main, database, ct);
            LogDropped(database);
        }

        return dropped;
    }

    /// <summary>This store's drill databases that no open drill owns and no session is connected to.</summary>
    private async Task<HashSet<string>> LeftBehindAsync(CancellationToken ct)
    {
        var prefix = DrillDatabase.NameFor(new NpgsqlConnectionStringBuilder(main.ConnectionString).Database!, Guid.Empty)[..^12];
        var names = new List<string>();
        await using (var connection = await main.OpenConnectionAsync(ct))
        await using (var command = new NpgsqlCommand(
            "SELECT d.datname FROM pg_database d WHERE left(d.datname, length($1)) = $1 AND NOT EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.datname = d.datname)",
            connection) { Parameters = { new() { Value = prefix } } })
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                names.Add(reader.GetString(0));
            }
        }

        await using var session = store.QuerySession();
        var owned = (await session.Query<Drill>().Where(d => d.Status == DrillStatus.Open).Select(d => d.Database).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        return names.Where(n => n[prefix.Length..].Length == 12 && n[prefix.Length..].All(Uri.IsHexDigit) && !owned.Contains(n)).ToHashSet(StringComparer.Ordinal);
    }

    [LoggerMessage(LogLevel.Warning, "Drill database {Database} dropped: no open drill owned it and nobody used it (left behind by a crash or a failed end)")]
    private partial void LogDropped(string database);

    [LoggerMessage(LogLevel.Warning, "Drill databases left behind were not swept; the next start looks again")]
    private partial void LogNotSwept(Exception e);
}
