using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Muster.Agencies;
using Muster.Agencies.Registering;
using Muster.Catalog;
using Muster.Catalog.Defining;
using Muster.Depots;
using Muster.Depots.Registering;
using Muster.Experts;
using Muster.Experts.Registering;
using Muster.Infrastructure;
using Muster.Plans;
using Muster.Plans.Defining;
using Muster.Supplies;
using Muster.Supplies.Receiving;
using Muster.Units;
using Muster.Units.Registering;

namespace Muster.Seeding;

/// <summary>Of one kind of record: how many a load added and how many were there already.</summary>
public sealed record SeedCount(int Loaded, int Present);

/// <summary>What a load did, per kind of record, and how long it took.</summary>
public sealed record SeedReport(
    SeedCount Items, SeedCount Plans, SeedCount Agencies, SeedCount Depots, SeedCount Stock, SeedCount Units, SeedCount Experts,
    TimeSpan Elapsed)
{
    public int Loaded => new[] { Items, Plans, Agencies, Depots, Stock, Units, Experts }.Sum(c => c.Loaded);
}

/// <summary>
/// Loads the demo data of <c>seed-data/</c> through the same handlers as the API (events, not SQL), as the
/// system actor, in dependency order: catalog, plans, agencies, depots, their stock, units, experts. Whatever is
/// already there is left alone, so loading twice changes nothing. The register has no natural keys, so the
/// loader recognizes its own records: an agency by its name (unique in the API), a depot, unit or expert by its
/// name within its agency, a stock receipt by its lot on the depot's stock line (a lot received once is never
/// received again, even after it left the shelf). A record the handlers refuse stops the load with their
/// reason: seed files are checked like any input.
/// </summary>
public sealed partial class SeedLoader(IServiceScopeFactory scopes, TimeProvider time, ILogger<SeedLoader> log)
{
    private readonly TaskCompletionSource<SeedReport?> _firstLoad = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>
    /// Completes when the first load has ended: with its report, or null when it failed (the load itself throws).
    /// The development partner token waits for it.
    /// </summary>
    public Task<SeedReport?> FirstLoad => _firstLoad.Task;

    public async Task<SeedReport> LoadAsync(string folder, CancellationToken ct)
    {
        try
        {
            var report = await LoadFilesAsync(folder, ct);
            _firstLoad.TrySetResult(report);
            return report;
        }
        finally
        {
            _firstLoad.TrySetResult(null);
        }
    }

    private async Task<SeedReport> LoadFilesAsync(string folder, CancellationToken ct)
    {
        var started = time.GetTimestamp();
        var items = await SeedFiles.ReadAsync<SeedItem>(folder, SeedFiles.Items, ct);
        var itemCount = await EachAsync(items, "items",
            async (session, item) => await session.Events.FetchStreamStateAsync(ItemCode.StreamId(item.Code), ct) is not null,
            (services, item) => services.GetRequiredService<DefineItemHandler>().Handle(item.Command, ct), ct);
        var plans = await SeedFiles.ReadAsync<SeedPlan>(folder, SeedFiles.Plans, ct);
        var planCount = await EachAsync(plans, "plans",
            async (session, plan) => await session.LoadAsync<Plan>(PlanId.Of(plan.IncidentKind, plan.Level), ct) is not null,
            (services, plan) => services.GetRequiredService<DefinePlanHandler>().Handle(plan.Command, ct), ct);

        var agencies = await SeedFiles.ReadAsync<SeedAgency>(folder, SeedFiles.Agencies, ct);
        Unique(agencies, a => a.Name.Trim(), "agencies");
        var agencyCount = await EachAsync(agencies, "agencies",
            async (session, agency) => await AgencyIdAsync(session, agency.Name, ct) is not null,
            (services, agency) => services.GetRequiredService<RegisterAgencyHandler>().Handle(agency.Command, ct), ct);

        var depots = await SeedFiles.ReadAsync<SeedDepot>(folder, SeedFiles.Depots, ct);
        Unique(depots, d => (d.Agency.Trim(), d.Name.Trim()), "depots");
        var depotCount = await EachAsync(depots, "depots",
            async (session, depot) => await DepotIdAsync(session, depot.Agency, depot.Name, ct) is not null,
            async (services, depot) => await services.GetRequiredService<RegisterDepotHandler>()
                .Handle(depot.Command(await OwnerAsync(services, depot.Agency, ct)), ct), ct);

        var lots = depots.SelectMany(d => (d.Stock ?? []).Select(lot => (Depot: d, Lot: lot))).ToList();
        Unique(lots, l => (l.Depot.Agency.Trim(), l.Depot.Name.Trim(), l.Lot.ItemCode, l.Lot.Lot.Trim()), "stock lots");
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var stockCount = await EachAsync(lots, "stock receipts",
            async (session, l) => await LotReceivedAsync(session, l.Depot, l.Lot, ct),
            async (services, l) =>
            {
                var depotId = await DepotIdAsync(services.GetRequiredService<IQuerySession>(), l.Depot.Agency, l.Depot.Name, ct)
                    ?? throw new InvalidOperationException($"seed stock: depot '{l.Depot.Name}' is not registered");
                return await services.GetRequiredService<ReceiveStockHandler>().Handle(l.Lot.Command(depotId, today), ct);
            }, ct);

        var units = await SeedFiles.ReadAsync<SeedUnit>(folder, SeedFiles.Units, ct);
        Unique(units, u => (u.Agency.Trim(), u.Name.Trim()), "units");
        var unitCount = await EachAsync(units, "units",
            async (session, unit) => await UnitExistsAsync(session, unit, ct),
            async (services, unit) => await services.GetRequiredService<RegisterUnitHandler>()
                .Handle(unit.Command(await OwnerAsync(services, unit.Agency, ct)), ct), ct);

        var experts = await SeedFiles.ReadAsync<SeedExpert>(folder, SeedFiles.Experts, ct);
        Unique(experts, e => (e.Agency.Trim(), e.Name.Trim()), "experts");
        var expertCount = await EachAsync(experts, "experts",
            async (session, expert) => await ExpertExistsAsync(session, expert, ct),
            async (services, expert) => await services.GetRequiredService<RegisterExpertHandler>()
                .Handle(expert.Command(await OwnerAsync(services, expert.Agency, ct)), ct), ct);

        await LoadJurisdictionsAsync(folder, ct);
        await LoadHazardsAsync(folder, ct);
        await LoadRosterAsync(folder, ct);
        var report = new SeedReport(itemCount, planCount, agencyCount, depotCount, stockCount, unitCount, expertCount, time.GetElapsedTime(started));
        Finished(report.Loaded, report.Elapsed.TotalSeconds);
        return report;
    }

    private static async Task<Guid?> AgencyIdAsync(IQuerySession session, string name, CancellationToken ct)
    {
        var trimmed = name.Trim();
        var found = await session.Query<Agency>().Where(a => a.Name == trimmed).Select(a => a.Id).ToListAsync(ct);
        return found.Count == 0 ? null : found[0];
    }

    private static async Task<Guid> OwnerAsync(IServiceProvider services, string agency, CancellationToken ct) =>
        await AgencyIdAsync(services.GetRequiredService<IQuerySession>(), agency, ct)
            ?? throw new InvalidOperationException($"seed: no agency named '{agency}' (agencies.json registers the owners)");

    private static async Task<Guid?> DepotIdAsync(IQuerySession session, string agency, string name, CancellationToken ct)
    {
        if (await AgencyIdAsync(session, agency, ct) is not { } agencyId)
        {
            return null;
        }

        var trimmed = name.Trim();
        var found = await session.Query<Depot>().Where(d => d.AgencyId == agencyId && d.Name == trimmed).Select(d => d.Id).ToListAsync(ct);
        return found.Count == 0 ? null : found[0];
    }

    private static async Task<bool> UnitExistsAsync(IQuerySession session, SeedUnit unit, CancellationToken ct)
    {
        var name = unit.Name.Trim();
        return await AgencyIdAsync(session, unit.Agency, ct) is { } agencyId
            && await session.Query<RescueUnit>().AnyAsync(u => u.AgencyId == agencyId && u.Name == name, ct);
    }

    private static async Task<bool> ExpertExistsAsync(IQuerySession session, SeedExpert expert, CancellationToken ct)
    {
        var name = expert.Name.Trim();
        return await AgencyIdAsync(session, expert.Agency, ct) is { } agencyId
            && await session.Query<Expert>().AnyAsync(e => e.AgencyId == agencyId && e.Name == name, ct);
    }

    private static async Task<bool> LotReceivedAsync(IQuerySession session, SeedDepot depot, SeedLot lot, CancellationToken ct)
    {
        if (await DepotIdAsync(session, depot.Agency, depot.Name, ct) is not { } depotId)
        {
            return false;
        }

        var lotName = lot.Lot.Trim();
        var events = await session.Events.FetchStreamAsync(StockLineId.Of(depotId, lot.ItemCode), token: ct);
        return events.Any(e => e.Data is StockReceived received && received.Lot == lotName);
    }

    private static void Unique<TRecord, TKey>(IEnumerable<TRecord> records, Func<TRecord, TKey> key, string what)
    {
        var twice = records.GroupBy(key).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (twice.Count > 0)
        {
            throw new InvalidOperationException($"seed {what}: listed more than once: {string.Join(", ", twice)}");
        }
    }

    private async Task<SeedCount> EachAsync<TRecord, TResult>(
        IReadOnlyList<TRecord> records, string what, Func<IQuerySession, TRecord, Task<bool>> exists,
        Func<IServiceProvider, TRecord, Task<Result<TResult>>> define, CancellationToken ct)
    {
        var started = time.GetTimestamp();
        var (loaded, present) = (0, 0);
        foreach (var record in records)
        {
            using var scope = scopes.CreateScope();
            if (await exists(scope.ServiceProvider.GetRequiredService<IQuerySession>(), record))
            {
                present++;
                continue;
            }

            var result = await define(scope.ServiceProvider, record);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"seed {what}: {record} refused: {string.Join("; ", result.Errors.Select(e => $"{e.Code} {e.Field}: {e.Message}"))}");
            }

            loaded++;
        }

        Progress(what, loaded, present, records.Count, time.GetElapsedTime(started).TotalSeconds);
        return new SeedCount(loaded, present);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "seed {What}: {Loaded} loaded, {Present} already there, {Total} in the files ({Seconds:F1} s)")]
    private partial void Progress(string what, int loaded, int present, int total, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "seed loaded: {Loaded} new records in {Seconds:F1} s")]
    private partial void Finished(int loaded, double seconds);
}
