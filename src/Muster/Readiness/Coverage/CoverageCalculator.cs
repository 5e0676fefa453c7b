using System.Globalization;
using Muster.Spatial;
using Muster.Units;
using Muster.Units.Locating;
using Npgsql;

namespace Muster.Readiness.Coverage;

/// <summary>One capability to look at, its time limit, and how far beyond it ETAs are still worth knowing.</summary>
public sealed record CoverageAsk(string Capability, int WithinSeconds, int HorizonSeconds);

/// <summary>The coverage of an ask with every AVAILABLE unit, and without the units a dispatch takes.</summary>
public sealed record CoverageBeforeAfter(CoverageAnswer Before, CoverageAnswer After);

/// <summary>
/// Which AVAILABLE units with a capability reach which demand points, how soon, by the ETA model of
/// <c>nearestUnits</c> (<see cref="EtaModel"/>: turnout + distance × detour / speed, per kind; geodesic distances from
/// PostGIS). Units whose last position is stale (<see cref="UnitFinderOptions.StaleAfter"/>) cover nothing: a claim of
/// coverage resting on a unit nobody has heard from is a false comfort. Answered in PostGIS, nearest first: the
/// eligible units within reach of the question's points are copied into a temporary table with a planar point under a
/// quad tree (SP-GiST), whose nearest-first scans cost a quarter of the geography index's on <c>unit_locations</c>
/// (which also walks every unit of other capabilities and states); then each demand point (a probe, per ask) takes a
/// few of its nearest eligible units and is settled when no unit farther away could arrive sooner; the few left open
/// are asked again with more, then for every unit within reach. The coverage without a dispatch's units comes from
/// the same scans: a probe is settled only when it is settled both with and without them. A large question is split
/// across connections answered side by side; both give the same answer.
/// </summary>
public sealed class CoverageCalculator(NpgsqlDataSource database, EtaModel eta, TimeProvider time, UnitFinderOptions units)
{
    /// <summary>Probes one connection answers; a larger question is split across connections, at most <see cref="Connections"/>.</summary>
    public const int ProbesPerConnection = 10_000;

    /// <summary>The province question is CPU-bound in PostgreSQL: a second connection halves it on a two-core server.</summary>
    public const int Connections = 2;

    /// <param name="taken">The units a dispatch takes (none for plain coverage).</param>
    /// <param name="probesPerConnection">Where a question is split (<see cref="ProbesPerConnection"/>).</param>
    public Task<IReadOnlyList<CoverageBeforeAfter>> ComputeAsync(
        IReadOnlyList<CoverageAsk> asks, IReadOnlyList<DemandPoint> demand, IReadOnlyCollection<Guid> taken, CancellationToken ct,
        int probesPerConnection = ProbesPerConnection) =>
        ComputeAsync(asks, demand, Task.FromResult(taken), ct, probesPerConnection);

    /// <param name="taken">The units a dispatch takes, which may not be known yet: the eligible units are copied
    /// meanwhile, and the walks wait for it.</param>
    /// <param name="probesPerConnection">Where a question is split (<see cref="ProbesPerConnection"/>).</param>
    public async Task<IReadOnlyList<CoverageBeforeAfter>> ComputeAsync(
        IReadOnlyList<CoverageAsk> asks, IReadOnlyList<DemandPoint> demand, Task<IReadOnlyCollection<Guid>> taken, CancellationToken ct,
        int probesPerConnection = ProbesPerConnection)
    {
        // Neighbours one after the other: consecutive scans meet the same pages of the index, and each connection gets
        // one part of the map.
        var probes = asks.SelectMany((_, a) => demand.Select((_, i) => new Probe(a, i)))
            .OrderBy(p => Math.Floor(demand[p.I].Location.Lat * 10)).ThenBy(p => demand[p.I].Location.Lon).ToList();
        var parts = Math.Clamp(probes.Count / probesPerConnection, 1, Connections);
        var size = (probes.Count + parts - 1) / Math.Max(parts, 1);
        var answered = probes.Count == 0
            ? []
            : await Task.WhenAll(probes.Chunk(size).Select(chunk => SoonestAsync(asks, demand, chunk, taken, ct)));
        var soonest = answered.SelectMany(part => part).ToDictionary();

        return asks.Select((ask, a) =>
        {
            PointCoverage Cover(int i, IReadOnlyList<Candidate> soonest)
            {
                int? At(int n) => soonest.Count > n && soonest[n].EtaSeconds <= ask.HorizonSeconds ? soonest[n].EtaSeconds : null;
                return new PointCoverage(demand[i], At(0), At(1), ask.WithinSeconds);
            }

            Soonest Of(int i) => soonest.GetValueOrDefault(new Probe(a, i), Soonest.None);
            return new CoverageBeforeAfter(
                new CoverageAnswer(ask.Capability, ask.WithinSeconds, [.. demand.Select((_, i) => Cover(i, Of(i).Before))]),
                new CoverageAnswer(ask.Capability, ask.WithinSeconds, [.. demand.Select((_, i) => Cover(i, Of(i).After))]));
        }).ToList();
    }

    /// <summary>The two soonest units of each probe, with and without the taken units; on one connection, in one
    /// transaction (the copied units live in it).</summary>
    private async Task<Dictionary<Probe, Soonest>> SoonestAsync(
        IReadOnlyList<CoverageAsk> asks, IReadOnlyList<DemandPoint> demand, IReadOnlyList<Probe> probes, Task<IReadOnlyCollection<Guid>> taken, CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var reaches = asks.Select(a => (eta.UnitReachMeters(a.HorizonSeconds) * 1.01) + 10).ToArray();
        var plane = Plane.Around(probes.Select(p => demand[p.I].Location.Lat), reaches.Max());
        var kinds = await CopyEligibleAsync(connection, transaction, asks, demand, probes, reaches.Max(), plane, time.GetUtcNow() - units.StaleAfter, ct);
        var travels = asks.Select(a => kinds.Where(k => k.Capability == a.Capability).Select(k => eta.UnitTravel(k.Kind)).ToList()).ToList();
        var rounds = new CoverageRounds(eta, connection, transaction, asks, demand, reaches, travels, plane.CosLat);
        var soonest = await rounds.SoonestAsync(probes, (await taken).ToHashSet(), ct);
        await transaction.CommitAsync(ct);
        return soonest;
    }

    /// <summary>
    /// Copies the eligible units (AVAILABLE, fresh, with one of the capabilities) that lie within reach of the probes'
    /// bounding box (on the geography index: a city's question copies the city's units, not the province's) into
    /// <c>coverage_units</c>, with their planar point under a quad tree. Answers which kinds of unit each capability
    /// has there: a probe's bound on the units it has not reached takes the fastest of those, not of every kind.
    /// </summary>
    private static async Task<List<(string Capability, UnitKind Kind)>> CopyEligibleAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<CoverageAsk> asks, IReadOnlyList<DemandPoint> demand,
        IReadOnlyList<Probe> probes, double reach, Plane plane, DateTimeOffset cutoff, CancellationToken ct)
    {
        await using var eligible = new NpgsqlCommand(EligibleUnitsSql, connection, transaction);
        eligible.Parameters.AddWithValue("cutoff", cutoff);
        eligible.Parameters.AddWithValue("caps", asks.Select(a => a.Capability).Distinct().ToArray());
        eligible.Parameters.AddWithValue("coslat", plane.CosLat);
        eligible.Parameters.AddWithValue("lons", probes.Select(p => demand[p.I].Location.Lon).ToArray());
        eligible.Parameters.AddWithValue("lats", probes.Select(p => demand[p.I].Location.Lat).ToArray());
        eligible.Parameters.AddWithValue("reach", reach / TrueOverOrdered);
        var kinds = new List<(string, UnitKind)>();
        await using var reader = await eligible.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            kinds.Add((reader.GetString(0), Enum.Parse<UnitKind>(reader.GetString(1))));
        }

        return kinds;
    }

    /// <summary>
    /// The geodesic (ellipsoid) distance over the distance the index orders by is at least this: WGS 84 departs from
    /// PostGIS's mean sphere by under 0.6%, and <see cref="Plane"/> never lengthens the sphere's distances. A unit the
    /// nearest-first scan has not reached yet is at least this fraction of the farthest one it has reached away; and a
    /// unit's distance on the ellipsoid is within this fraction (and its inverse) of its great-circle distance.
    /// </summary>
    internal const double TrueOverOrdered = 0.99;

    internal const double EarthRadius = 6_371_008.8;

    /// <summary>A longitude and latitude (SQL expressions, degrees) as a point of the <see cref="Plane"/>, whose east-west scale is <c>@coslat</c>.</summary>
    internal static string PlaneSql(string lonSql, string latSql)
    {
        var radius = EarthRadius.ToString(CultureInfo.InvariantCulture);
        return $"point({radius} * radians({lonSql}) * @coslat, {radius} * radians({latSql}))";
    }

    /// <summary>
    /// Longitude and latitude drawn flat (metres), with the east-west scale of the latitude farthest from the equator
    /// that a probe can reach: east-west distances shrink a little towards the equator and none lengthens, so the
    /// planar distance never exceeds the sphere's, and a nearest-first scan on it can be bounded.
    /// </summary>
    private sealed record Plane(double CosLat)
    {
        public static Plane Around(IEnumerable<double> latitudes, double reachMeters)
        {
            var farthest = latitudes.Max(Math.Abs) + (reachMeters / EarthRadius * 180 / Math.PI);
            return new Plane(Math.Cos(Math.Min(farthest, 89) * Math.PI / 180));
        }
    }

    /// <summary>
    /// One round trip: the settings of the transaction, the copy and its index, the kinds. Compiling a statement (JIT)
    /// costs more than running it: 600 ms of 25,000 probes' 1.7 s. And after the copy (which wants the bitmap of the
    /// geography index), the planner, not knowing the reach, would rather scan the box of each probe and sort it than
    /// walk the quad tree nearest first within it (4.5 s against 1.1 s for 25,000 probes).
    /// </summary>
    private static readonly string EligibleUnitsSql = $"""
        set local jit = off;
        create temporary table coverage_units on commit drop as
          select u.id, u.kind, u.capabilities, ST_X(u.location::geometry) as lon, ST_Y(u.location::geometry) as lat,
                 {PlaneSql("ST_X(u.location::geometry)", "ST_Y(u.location::geometry)")} as plane
          from {UnitLocationsTable.Name} u
          where u.status = '{nameof(UnitStatus.Available)}' and (u.position_at is null or u.position_at >= @cutoff) and u.capabilities && @caps::text[]
            and u.location && _ST_Expand((select ST_Collect(ST_MakePoint(t.lon, t.lat)) from unnest(@lons::float8[], @lats::float8[]) t(lon, lat))::geography, @reach);
        create index on coverage_units using spgist (plane quad_point_ops);
        set local enable_bitmapscan = off;
        select distinct c, u.kind from coverage_units u cross join unnest(u.capabilities) c where c = any(@caps::text[]);
        """;
}
