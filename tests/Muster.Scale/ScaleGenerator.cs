using System.Diagnostics;
using System.Globalization;
using Marten;
using Muster.Agencies;
using Muster.Agencies.Registering;
using Muster.Catalog;
using Muster.Depots;
using Muster.Experts;
using Muster.Infrastructure;
using Muster.Spatial;
using Muster.Supplies;
using Muster.Units;
using Npgsql;

namespace Muster.Scale;

/// <summary>What the generator wrote, and how long it took.</summary>
public sealed record ScaleReport(string Name, long Events, TimeSpan Elapsed, bool AlreadyPresent)
{
    public double EventsPerSecond => Elapsed.TotalSeconds > 0 ? Events / Elapsed.TotalSeconds : 0;
}

/// <summary>What the read models hold after generation: every table the inline projections keep.</summary>
public sealed record ScaleCensus(long Units, long UnitLocations, long Depots, long DepotLocations, long Experts, long ExpertLocations,
    long Items, long StockLines, long StockLevels, long OnHand);

/// <summary>
/// Writes a synthetic city or province through the event store: the same events the commands append (their
/// decisions check the units, experts and depots), many new streams a <c>SaveChangesAsync</c>, so the inline
/// projections (documents, location tables, stock levels) are kept in the same transactions as always. Ids and
/// positions follow from the spec's seed and each entity's number, so the same spec makes the same data.
/// </summary>
public sealed class ScaleGenerator(IDocumentStore store, NpgsqlDataSource database, TimeProvider time)
{
    /// <summary>New streams a transaction; larger batches gain little and hold locks longer.</summary>
    public const int BatchSize = 500;

    /// <summary>Sessions writing at once.</summary>
    public const int Writers = 4;

    public static readonly IReadOnlyList<string> Capabilities =
    [
        "fire-suppression", "mine-rescue", "water-rescue", "rope-rescue", "collapse-rescue", "hazmat", "medical",
        "first-aid", "earthmoving", "pumping", "lighting", "communications", "evacuation", "gas-detection", "search-dog",
    ];

    public static readonly IReadOnlyList<string> Specialties =
    [
        "mine-ventilation", "geology", "hydrology", "structural-engineering", "chemical-safety", "toxicology",
        "trauma-surgery", "power-grid", "dam-safety", "meteorology",
    ];

    private static readonly Guid Space = new("3f6c9a2e-7d41-5b8e-a0c3-6e2f1d9b4a75");

    public static Guid AgencyId(ScaleSpec spec, int i) => Id(spec, "agency", i);

    public static Guid UnitId(ScaleSpec spec, int i) => Id(spec, "unit", i);

    public static Guid DepotId(ScaleSpec spec, int i) => Id(spec, "depot", i);

    public static Guid ExpertId(ScaleSpec spec, int i) => Id(spec, "expert", i);

    /// <summary>The item codes depot <paramref name="i"/> stocks.</summary>
    public static IReadOnlyList<string> DepotItems(ScaleSpec spec, int i)
    {
        var codes = SyntheticCatalog.Items(spec.Items).Select(item => item.Code).ToArray();
        if (spec.ItemsPerDepot >= codes.Length)
        {
            return codes;
        }

        new Random(Mix(spec, "stock", i)).Shuffle(codes);
        return codes[..spec.ItemsPerDepot];
    }

    public async Task<ScaleReport> GenerateAsync(ScaleSpec spec, Action<string>? progress, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        IReadOnlyList<string> defined;
        await using (var query = store.QuerySession())
        {
            if (await query.Events.FetchStreamStateAsync(AgencyId(spec, 0), ct) is not null)
            {
                return new ScaleReport(spec.Name, 0, clock.Elapsed, AlreadyPresent: true);
            }

            defined = await query.Query<Item>().Select(i => i.Code).ToListAsync(ct);
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var items = SyntheticCatalog.Items(spec.Items).Where(i => !defined.Contains(i.Code)).ToList();
        var shelfLife = SyntheticCatalog.Items(spec.Items).ToDictionary(i => i.Code, i => i.ShelfLifeDays);
        long events = 0;

        events += await WriteAsync("items", items.Count, progress, (session, i) =>
        {
            var item = items[i];
            session.Events.StartStream<Item>(ItemCode.StreamId(item.Code), Checked(Catalog.Defining.DefineItemDecision.Decide(item, alreadyDefined: false)));
        }, ct);
        events += await WriteAsync("agencies", spec.Agencies, progress, (session, i) =>
        {
            var random = new Random(Mix(spec, "agency", i));
            var registered = RegisterAgencyDecision.Decide(
                new RegisterAgency($"{spec.Name} agency {i + 1:D4}", (AgencyKind)random.Next(0, 8), null, Scatter(spec, random)),
                AgencyId(spec, i), nameTaken: false);
            session.Events.StartStream<Agency>(AgencyId(spec, i), Checked(registered));
        }, ct);
        events += await WriteAsync("units", spec.Units, progress, (session, i) =>
        {
            var random = new Random(Mix(spec, "unit", i));
            var capabilities = Pick(random, Capabilities, random.Next(1, 4));
            var registered = Units.Registering.RegisterUnitDecision.Decide(
                new Units.Registering.RegisterUnit($"{spec.Name} unit {i + 1:D6}", KindFor(capabilities[0]),
                    (NimsType)random.Next(1, 5), capabilities, random.Next(2, 40), Scatter(spec, random),
                    AgencyId(spec, random.Next(spec.Agencies))),
                UnitId(spec, i), Actor.System, agencyExists: true);
            session.Events.StartStream<RescueUnit>(UnitId(spec, i), Checked(registered));
        }, ct);
        events += await WriteAsync("expert teams", spec.Experts, progress, (session, i) =>
        {
            var random = new Random(Mix(spec, "expert", i));
            var registered = Experts.Registering.RegisterExpertDecision.Decide(
                new Experts.Registering.RegisterExpert($"{spec.Name} expert team {i + 1:D5}", ExpertKind.Team,
                    Pick(random, Specialties, random.Next(1, 4)), $"radio {random.Next(100, 999)}", Scatter(spec, random),
                    AgencyId(spec, random.Next(spec.Agencies)), null),
                ExpertId(spec, i), Actor.System, agencyExists: true);
            session.Events.StartStream<Expert>(ExpertId(spec, i), Checked(registered));
        }, ct);
        events += await WriteAsync("depots", spec.Depots, progress, (session, i) =>
        {
            var random = new Random(Mix(spec, "depot", i));
            var registered = Depots.Registering.RegisterDepotDecision.Decide(
                new Depots.Registering.RegisterDepot($"{spec.Name} depot {i + 1:D5}", null, Scatter(spec, random),
                    AgencyId(spec, random.Next(spec.Agencies)), Shared: true),
                DepotId(spec, i), Actor.System, agencyExists: true);
            session.Events.StartStream<Depot>(DepotId(spec, i), Checked(registered));
        }, ct);

        // Stock: one stream a (depot, item), batched by depot so one transaction holds whole depots.
        var depotsPerBatch = Math.Max(1, BatchSize * 4 / Math.Max(1, Math.Min(spec.ItemsPerDepot, spec.Items)));
        events += await WriteAsync("stock lines", spec.Depots, progress, (session, d) =>
        {
            var depot = DepotId(spec, d);
            var random = new Random(Mix(spec, "lot", d));
            foreach (var code in DepotItems(spec, d))
            {
                var line = StockLineId.Of(depot, code);
                var received = new StockReceived(line, depot, code, random.Next(10, 100) * 10,
                    string.Create(CultureInfo.InvariantCulture, $"S{spec.Seed}-{d}"),
                    shelfLife[code] is { } days ? today.AddDays(days) : null, StockSource.Procured, null, null);
                session.Events.StartStream<StockLine>(line, received);
            }
        }, ct, perBatch: depotsPerBatch, eventsEach: Math.Min(spec.ItemsPerDepot, spec.Items));

        // Fresh statistics: before autovacuum gets to the new rows, the planner takes the location tables for empty and
        // scans them instead of their GiST indexes.
        progress?.Invoke("analyze");
        await using (var analyze = database.CreateCommand("analyze"))
        {
            await analyze.ExecuteNonQueryAsync(ct);
        }

        return new ScaleReport(spec.Name, events, clock.Elapsed, AlreadyPresent: false);
    }

    /// <summary>Counts what the read models hold, to check the inline projections kept up with the batched appends.</summary>
    public static async Task<ScaleCensus> CensusAsync(NpgsqlDataSource database, CancellationToken ct)
    {
        var schema = EventStoreModule.Schema;
        await using var command = database.CreateCommand($"""
            select (select count(*) from {schema}.mt_doc_rescueunit), (select count(*) from {Units.Locating.UnitLocationsTable.Name}),
                   (select count(*) from {schema}.mt_doc_depot), (select count(*) from {Depots.Locating.DepotLocationsTable.Name}),
                   (select count(*) from {schema}.mt_doc_expert), (select count(*) from {Experts.Locating.ExpertLocationsTable.Name}),
                   (select count(*) from {schema}.mt_doc_item), (select count(*) from {schema}.mt_doc_stockline),
                   (select count(*) from {Supplies.Levels.StockLevelsTable.Name}),
                   (select coalesce(sum(on_hand), 0) from {Supplies.Levels.StockLevelsTable.Name})
            """);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return new ScaleCensus(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4),
            reader.GetInt64(5), reader.GetInt64(6), reader.GetInt64(7), reader.GetInt64(8), reader.GetInt64(9));
    }

    private async Task<long> WriteAsync(string what, int count, Action<string>? progress, Action<IDocumentSession, int> append,
        CancellationToken ct, int perBatch = BatchSize, int eventsEach = 1)
    {
        var clock = Stopwatch.StartNew();
        var batches = Enumerable.Range(0, (count + perBatch - 1) / perBatch);
        var done = 0;
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = Writers, CancellationToken = ct },
            async (batch, token) =>
            {
                await using var session = store.LightweightSession();
                ActorMetadata.Stamp(session, Actor.System);
                var end = Math.Min(count, (batch + 1) * perBatch);
                for (var i = batch * perBatch; i < end; i++)
                {
                    append(session, i);
                }

                await session.SaveChangesAsync(token);
                var total = Interlocked.Add(ref done, end - (batch * perBatch));
                progress?.Invoke(string.Create(CultureInfo.InvariantCulture,
                    $"{what}: {total:N0}/{count:N0} ({total * eventsEach / Math.Max(0.001, clock.Elapsed.TotalSeconds):N0} events/s)"));
            });
        return (long)count * eventsEach;
    }

    private static T Checked<T>(Result<T> result) =>
        result.Succeeded ? result.Value! : throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Message)));

    private static GeoPoint Scatter(ScaleSpec spec, Random random)
    {
        var distanceKm = spec.RadiusKm * Math.Sqrt(random.NextDouble());
        var angle = random.NextDouble() * 2 * Math.PI;
        var lat = spec.Center.Lat + (distanceKm * Math.Sin(angle) / 111.32);
        var lon = spec.Center.Lon + (distanceKm * Math.Cos(angle) / (111.32 * Math.Cos(spec.Center.Lat * Math.PI / 180)));
        return new GeoPoint(Math.Round(lat, 6), Math.Round(lon, 6));
    }

    private static List<string> Pick(Random random, IReadOnlyList<string> pool, int count)
    {
        var copy = pool.ToArray();
        random.Shuffle(copy);
        return copy[..count].ToList();
    }

    private static UnitKind KindFor(string capability) => capability switch
    {
        "fire-suppression" => UnitKind.FireEngine,
        "mine-rescue" or "gas-detection" => UnitKind.MineRescueTeam,
        "water-rescue" => UnitKind.Boat,
        "medical" or "first-aid" => UnitKind.Ambulance,
        "hazmat" => UnitKind.HazmatTeam,
        "earthmoving" or "pumping" => UnitKind.HeavyMachinery,
        _ => UnitKind.RescueTeam,
    };

    private static Guid Id(ScaleSpec spec, string kind, int i) =>
        NameBasedId.Create(Space, string.Create(CultureInfo.InvariantCulture, $"{spec.Seed}/{spec.Name}/{kind}/{i}"));

    private static int Mix(ScaleSpec spec, string kind, int i) =>
        BitConverter.ToInt32(NameBasedId.Create(Space, string.Create(CultureInfo.InvariantCulture, $"{spec.Seed}/{spec.Name}/{kind}/{i}")).ToByteArray()) & 0x7fffffff;
}
