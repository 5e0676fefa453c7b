using System.Globalization;
using Muster.Spatial;
using Muster.Units;
using Npgsql;

namespace Muster.Readiness.Coverage;

/// <summary>One demand point of one ask.</summary>
internal readonly record struct Probe(int A, int I);

/// <summary>A probe's two soonest units with every unit, and without the units a dispatch takes.</summary>
internal sealed record Soonest(List<Candidate> Before, List<Candidate> After)
{
    public static readonly Soonest None = new([], []);
}

/// <summary>A unit measured from a probe on the ellipsoid, and its ETA there.</summary>
internal sealed record Candidate(Guid UnitId, double Meters, int EtaSeconds);

/// <summary>
/// The nearest-first rounds of a coverage question on one connection, over the units copied into <c>coverage_units</c>
/// (<see cref="CoverageCalculator"/>). Per probe, its two soonest units within reach (fewer where there are fewer),
/// soonest first, with every unit and without the taken ones.
/// <para>
/// Each round walks the quad tree nearest first from every open probe, within a box wide enough for every unit in
/// reach: a few units in the first rounds, every one in the box in the last. The walk reads back where each unit is;
/// its ETA is bracketed here from its great-circle distance (the ellipsoid's distance is within 1% of it), and only
/// the units whose bracket can reach a probe's two soonest are measured on the ellipsoid by PostGIS, two or three of
/// eight: a measurement costs 2.5 µs, more than the walk's share of a unit. A probe is settled when no unit farther
/// away could arrive sooner than its second soonest, with and without the taken units (the fastest kind the capability
/// has there, at the farthest distance walked, less the margin of <see cref="CoverageCalculator.TrueOverOrdered"/>), or
/// within the horizon; or when its walk ended inside the box. The probes left open walk again, farther.
/// </para>
/// </summary>
internal sealed class CoverageRounds(
    EtaModel eta, NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<CoverageAsk> asks,
    IReadOnlyList<DemandPoint> demand, double[] reaches, List<List<Travel>> travels, double cosLat)
{
    /// <summary>Units walked per probe in the first round, and in the second for the probes the first left open.</summary>
    private static readonly int[] FirstRounds = [8, 48];

    public async Task<Dictionary<Probe, Soonest>> SoonestAsync(IReadOnlyList<Probe> probes, HashSet<Guid> taken, CancellationToken ct)
    {
        var found = new Dictionary<Probe, Soonest>();
        var open = probes;
        foreach (var limit in FirstRounds.Select(n => (int?)n).Append(null))
        {
            if (open.Count == 0)
            {
                break;
            }

            var walks = await WalkAsync(open, limit, ct);
            var measured = await MeasureAsync(walks, taken, ct);
            var stillOpen = new List<Probe>();
            foreach (var probe in open)
            {
                var list = measured.GetValueOrDefault(probe, []);
                // In the model's whole seconds, then the nearer, then a fixed order.
                list.Sort((x, y) => (x.EtaSeconds, x.Meters, x.UnitId).CompareTo((y.EtaSeconds, y.Meters, y.UnitId)));
                var left = taken.Count == 0 ? list : list.Where(c => !taken.Contains(c.UnitId)).ToList();
                var walk = walks.GetValueOrDefault(probe, Walk.Empty);
                if (limit is { } max && walk.Units.Count >= max)
                {
                    // The soonest any unit not yet reached could arrive (it is at least this far, of the fastest kind).
                    var beyond = CoverageCalculator.TrueOverOrdered * walk.Farthest;
                    var soonestBeyond = travels[probe.A].Min(t => t.TurnoutSeconds + (beyond * eta.DetourFactor / (t.SpeedKmh / 3.6)));
                    var horizon = asks[probe.A].HorizonSeconds;
                    int Needed(List<Candidate> soonest) => soonest.Count >= 2 ? Math.Min(soonest[1].EtaSeconds, horizon) : horizon;
                    if (soonestBeyond - 1 <= Math.Max(Needed(list), Needed(left)))
                    {
                        stillOpen.Add(probe);
                        continue;
                    }
                }

                found[probe] = new Soonest(list.Count > 2 ? list[..2] : list, left.Count > 2 ? left[..2] : left);
            }

            open = stillOpen;
        }

        return found;
    }

    /// <summary>A unit a walk reached: where it is, and the index's (planar) distance to it.</summary>
    private sealed record Reached(Guid UnitId, UnitKind Kind, double Lon, double Lat, double Ordered);

    /// <summary>The units a probe's walk reached, nearest first, and the index's distance to the farthest.</summary>
    private sealed class Walk
    {
        public static readonly Walk Empty = new();

        public List<Reached> Units { get; } = [];

        public double Farthest { get; private set; }

        public void Add(Reached unit)
        {
            Units.Add(unit);
            Farthest = Math.Max(Farthest, unit.Ordered);
        }
    }

    /// <summary>Per probe, its nearest <paramref name="limit"/> eligible units in its box (every one when null), nearest first.</summary>
    private async Task<Dictionary<Probe, Walk>> WalkAsync(IReadOnlyList<Probe> open, int? limit, CancellationToken ct)
    {
        // The limit stays a literal: with LIMIT $n a generic plan can fall back to a sequential scan.
        var nearest = limit is { } n ? $"order by ordered limit {n.ToString(CultureInfo.InvariantCulture)}" : "";
        var capability = asks.Select(a => a.Capability).Distinct().Count() == 1 ? "" : "and p.cap = any(u.capabilities)";
        var sql = $"""
            {ProbesSql}
            select p.a, p.i, b.id, b.kind, b.lon, b.lat, b.ordered
            from probes p cross join lateral (
              select u.id, u.kind, u.lon, u.lat, u.plane <-> p.plane as ordered from coverage_units u
              where {InReachBox} {capability}
              {nearest}) b
            """;
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.AddWithValue("as", open.Select(p => p.A).ToArray());
        command.Parameters.AddWithValue("is", open.Select(p => p.I).ToArray());
        command.Parameters.AddWithValue("caps", open.Select(p => asks[p.A].Capability).ToArray());
        command.Parameters.AddWithValue("reaches", open.Select(p => reaches[p.A]).ToArray());
        command.Parameters.AddWithValue("lons", open.Select(p => demand[p.I].Location.Lon).ToArray());
        command.Parameters.AddWithValue("lats", open.Select(p => demand[p.I].Location.Lat).ToArray());
        command.Parameters.AddWithValue("coslat", cosLat);

        var walks = new Dictionary<Probe, Walk>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var key = new Probe(reader.GetInt32(0), reader.GetInt32(1));
            var reached = new Reached(reader.GetGuid(2), Enum.Parse<UnitKind>(reader.GetString(3)), reader.GetDouble(4), reader.GetDouble(5), reader.GetDouble(6));
            if (!walks.TryGetValue(key, out var walk))
            {
                walks[key] = walk = new Walk();
            }

            walk.Add(reached);
        }

        return walks;
    }

    /// <summary>
    /// The units of each walk that can be among its probe's two soonest, with every unit or without the taken ones,
    /// measured on the ellipsoid; the others are left out.
    /// </summary>
    private async Task<Dictionary<Probe, List<Candidate>>> MeasureAsync(Dictionary<Probe, Walk> walks, HashSet<Guid> taken, CancellationToken ct)
    {
        var pairs = new List<(Probe Probe, Reached Unit)>();
        foreach (var (probe, walk) in walks)
        {
            var at = demand[probe.I].Location;
            var brackets = walk.Units.Select(u => Bracket(u, GreatCircleMeters(at.Lat, at.Lon, u.Lat, u.Lon))).ToList();
            var worth = WorthMeasuring(brackets);
            if (taken.Count > 0)
            {
                worth.UnionWith(WorthMeasuring(brackets.Where(b => !taken.Contains(b.Unit.UnitId)).ToList()));
            }

            pairs.AddRange(worth.Select(u => (probe, u)));
        }

        var measured = new Dictionary<Probe, List<Candidate>>();
        if (pairs.Count == 0)
        {
            return measured;
        }

        await using var command = new NpgsqlCommand(MeasureSql, connection, transaction);
        command.Parameters.AddWithValue("ulons", pairs.Select(p => p.Unit.Lon).ToArray());
        command.Parameters.AddWithValue("ulats", pairs.Select(p => p.Unit.Lat).ToArray());
        command.Parameters.AddWithValue("lons", pairs.Select(p => demand[p.Probe.I].Location.Lon).ToArray());
        command.Parameters.AddWithValue("lats", pairs.Select(p => demand[p.Probe.I].Location.Lat).ToArray());
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var (probe, unit) = pairs[(int)reader.GetInt64(0) - 1];
            var meters = reader.GetDouble(1);
            if (!measured.TryGetValue(probe, out var list))
            {
                measured[probe] = list = [];
            }

            list.Add(new Candidate(unit.UnitId, meters, eta.UnitSeconds(unit.Kind, meters)));
        }

        return measured;
    }

    /// <summary>The earliest and latest a unit's ETA can be, from its great-circle distance (the ellipsoid's is within 1% of it).</summary>
    private (Reached Unit, int Earliest, int Latest) Bracket(Reached unit, double greatCircle) =>
        (unit, eta.UnitSeconds(unit.Kind, greatCircle * CoverageCalculator.TrueOverOrdered), eta.UnitSeconds(unit.Kind, greatCircle / CoverageCalculator.TrueOverOrdered));

    /// <summary>The units that can be among the two soonest: those that can arrive no later than the second soonest surely does.</summary>
    private static HashSet<Reached> WorthMeasuring(List<(Reached Unit, int Earliest, int Latest)> brackets)
    {
        if (brackets.Count <= 2)
        {
            return brackets.Select(b => b.Unit).ToHashSet();
        }

        var secondLatest = brackets.Select(b => b.Latest).Order().ElementAt(1);
        return brackets.Where(b => b.Earliest <= secondLatest).Select(b => b.Unit).ToHashSet();
    }

    /// <summary>The great-circle distance on PostGIS's mean sphere (haversine).</summary>
    private static double GreatCircleMeters(double lat1, double lon1, double lat2, double lon2)
    {
        static double Radians(double degrees) => degrees * Math.PI / 180;
        var h = Math.Pow(Math.Sin(Radians(lat2 - lat1) / 2), 2) +
                (Math.Cos(Radians(lat1)) * Math.Cos(Radians(lat2)) * Math.Pow(Math.Sin(Radians(lon2 - lon1) / 2), 2));
        return 2 * CoverageCalculator.EarthRadius * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }

    /// <summary>
    /// The units in a box around the probe wide enough for every unit within reach (the plane only shrinks distances):
    /// the walk stops at the box, instead of walking every copied unit when fewer than the round's number have the
    /// capability (a proposal's water rescue probes walked all of them: 0.7 ms each).
    /// </summary>
    private static readonly string InReachBox = $"""
        u.plane <@ box(point(p.plane[0] - p.reach / {CoverageCalculator.TrueOverOrdered}, p.plane[1] - p.reach / {CoverageCalculator.TrueOverOrdered}),
                       point(p.plane[0] + p.reach / {CoverageCalculator.TrueOverOrdered}, p.plane[1] + p.reach / {CoverageCalculator.TrueOverOrdered}))
        """;

    private static readonly string ProbesSql = $"""
        with probes(a, i, cap, reach, plane) as (
          select t.a, t.i, t.cap, t.reach, {CoverageCalculator.PlaneSql("t.lon", "t.lat")}
          from unnest(@as::int[], @is::int[], @caps::text[], @reaches::float8[], @lons::float8[], @lats::float8[]) t(a, i, cap, reach, lon, lat))
        """;

    /// <summary>The ellipsoid's distance between each unit and its probe, as <c>nearestUnits</c> measures it.</summary>
    private const string MeasureSql = """
        select t.k, ST_Distance(ST_Point(t.ulon, t.ulat, 4326)::geography, ST_Point(t.lon, t.lat, 4326)::geography)
        from unnest(@ulons::float8[], @ulats::float8[], @lons::float8[], @lats::float8[]) with ordinality t(ulon, ulat, lon, lat, k)
        """;
}
