using System.Collections.Concurrent;
using System.Diagnostics;
using JasperFx.Events;
using Marten;
using Muster.Drills;
using Muster.Incidents.Reporting;
using Npgsql;

namespace Muster.Api.Drills.Worlds;

/// <summary>
/// The drills' worlds of this process: a database per drill on the real one's server, served by its own services
/// (<see cref="DrillWorldHost"/>). A world is started when its drill starts, or on the first request for an open drill
/// (after a restart of the service, or on another replica), and stopped and dropped when the drill ends.
/// </summary>
public sealed partial class DrillWorlds(IServiceProvider services, NpgsqlDataSource main, ILogger<DrillWorlds> logger) : IDrillWorlds, IAsyncDisposable
{
    private readonly ConcurrentDictionary<Guid, Lazy<Task<DrillWorldHost>>> _hosts = new();

    public async Task<DrillWorld> OpenAsync(Guid drillId, ReportIncident scenario, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var name = DrillDatabase.NameFor(new NpgsqlConnectionStringBuilder(main.ConnectionString).Database!, drillId);
        await DrillDatabase.CreateAsync(main, name, ct);
        DrillWorldHost? host = null;
        try
        {
            host = DrillWorldHost.Build(drillId, name, services);
            await host.ApplySchemaAsync(ct);
            var schemaAt = clock.Elapsed;
            var copied = await DrillDatabase.CopyAsync(main, host.DataSource, ct);
            await host.StartAsync(ct);
            await using var scope = host.Services.CreateAsyncScope();
            var reported = await scope.ServiceProvider.GetRequiredService<ReportIncidentHandler>().Handle(scenario, ct);
            if (!reported.Succeeded)
            {
                throw new InvalidOperationException("the scenario's incident was refused in the drill: " + reported.Errors[0].Message);
            }

            _hosts[drillId] = new Lazy<Task<DrillWorldHost>>(Task.FromResult(host));
            LogOpened(drillId, name, copied.Tables, copied.Rows, schemaAt.TotalMilliseconds, clock.Elapsed.TotalMilliseconds);
            return new DrillWorld(name, copied.CopiedThrough, reported.Value!.Id);
        }
        catch
        {
            if (host is not null)
            {
                await host.DisposeAsync();
            }

            await DrillDatabase.DropAsync(main, name, CancellationToken.None);
            throw;
        }
    }

    /// <summary>The world of an open drill, started here if it is not yet; null when the drill is unknown or ended.</summary>
    public async Task<(Drill? Drill, DrillWorldHost? Host)> FindAsync(Guid drillId, CancellationToken ct)
    {
        await using var session = services.GetRequiredService<IDocumentStore>().QuerySession();
        var drill = await session.LoadAsync<Drill>(drillId, ct);
        if (drill is not { Status: DrillStatus.Open })
        {
            return (drill, null);
        }

        return (drill, await HostOfAsync(drill));
    }

    public async Task<IReadOnlyList<IEvent>> EventsAsync(Drill drill, CancellationToken ct)
    {
        var host = await HostOfAsync(drill);
        await using var session = host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var events = await session.Events.QueryAllRawEvents().Where(e => e.Sequence > drill.CopiedThrough).OrderBy(e => e.Sequence).ToListAsync(ct);
        return events;
    }

    public async Task DiscardAsync(Guid drillId, string database, CancellationToken ct)
    {
        try
        {
            if (_hosts.TryRemove(drillId, out var started) && started.IsValueCreated && started.Value.IsCompletedSuccessfully)
            {
                await started.Value.Result.DisposeAsync();
            }

            await DrillDatabase.DropAsync(main, database, ct);
            LogDiscarded(drillId, database);
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            // The drill is over either way; a copy left behind is only disk, and a later end of it finds it ended.
            LogNotDiscarded(e, drillId, database);
        }
    }

    private async Task<DrillWorldHost> HostOfAsync(Drill drill)
    {
        var lazy = _hosts.GetOrAdd(drill.Id, id => new Lazy<Task<DrillWorldHost>>(() => ResumeAsync(id, drill.Database)));
        try
        {
            return await lazy.Value;
        }
        catch
        {
            _hosts.TryRemove(new KeyValuePair<Guid, Lazy<Task<DrillWorldHost>>>(drill.Id, lazy));
            throw;
        }
    }

    /// <summary>An open drill's world after a restart (or on another replica): its database is there, its services are started again.</summary>
    private async Task<DrillWorldHost> ResumeAsync(Guid drillId, string database)
    {
        if (!await DrillDatabase.ExistsAsync(main, database, CancellationToken.None))
        {
            throw new InvalidOperationException($"the drill's database {database} is gone");
        }

        var host = DrillWorldHost.Build(drillId, database, services);
        await host.StartAsync(CancellationToken.None);
        LogResumed(drillId, database);
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (_, lazy) in _hosts)
        {
            if (lazy.IsValueCreated && lazy.Value.IsCompletedSuccessfully)
            {
                await lazy.Value.Result.DisposeAsync();
            }
        }

        _hosts.Clear();
    }

    [LoggerMessage(LogLevel.Information, "Drill {DrillId} opened in {Database}: {Tables} tables, {Rows} rows copied; schema after {SchemaMs:F0} ms, ready after {TotalMs:F0} ms")]
    private partial void LogOpened(Guid drillId, string database, int tables, long rows, double schemaMs, double totalMs);

    [LoggerMessage(LogLevel.Information, "Drill {DrillId} resumed on {Database}")]
    private partial void LogResumed(Guid drillId, string database);

    [LoggerMessage(LogLevel.Information, "Drill {DrillId}: {Database} dropped")]
    private partial void LogDiscarded(Guid drillId, string database);

    [LoggerMessage(LogLevel.Warning, "Drill {DrillId}: {Database} could not be dropped")]
    private partial void LogNotDiscarded(Exception e, Guid drillId, string database);
}
