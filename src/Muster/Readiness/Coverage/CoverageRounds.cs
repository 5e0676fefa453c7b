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
/// Each round walks the quad tree nearest first, within a box wide enough for every unit in reach: a few units in the
/// first rounds, every one in the box in the last. The first round walks once per cell of a grid on the map, from its
/// centre, for the few probes in it (a walk costs 13 µs before it reaches its first unit, and a province has 50,000
/// points); the probes it leaves open walk alone after. The walk reads back where each unit is;
/// its ETA is bracketed here from its great-circle distance (the ellipsoid's distance is within 1% of it), and only
/// the units whose bracket can reach a probe's two soonest are measured on the ellipsoid by PostGIS, two or three of
/// eight: a measurement costs 2.5 µs, more than the walk's share of a unit. A probe is settled when no unit farther
/// away could arrive sooner than its second soonest, with and without the taken units (the fastest kind the capability
/// has there, at the farthest distance walked less the probe's distance from the walk's centre, less the margin of
/// <see cref="CoverageCalculator.TrueOverOrdered"/>), or within the horizon; or when its walk ended inside the box.
/// The probes left open walk again, farther.
/// </para>
/// </summary>
internal sealed class CoverageRounds(
    EtaModel eta, NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<CoverageAsk> asks,
    IReadOnlyList<DemandPoint> demand, double[] reaches, List<List<Travel>> travels, double cosLat)
{
    /// <summary>Units walked per cell in the first round, and per probe in the second for the probes the first left open.</summary>
    private static readonly int[] FirstRounds = [16, 48];

    /// <summary>Probes a cell of the first round's grid holds on average, at most.</summary>
    private const int ProbesPerCell = 4;

    public async Task<Dictionary<Probe, Soonest>> SoonestAsync(IReadOnlyList<Probe> probes, HashSet<Guid> taken, CancellationToken ct)
    {
        var found = new Dictionary<Probe, Soonest>();
        var cells = Grid(probes);
        foreach (var limit in FirstRounds.Select(n => (int?)n).Append(null))
        {
            if (cells.Count == 0)
            {
                break;
            }

            var walks = await WalkAsync(cells, limit, ct);
            var measured = await MeasureAsync(cells, walks, taken, ct);
            var stillOpen = new List<Probe>();
            foreach (var (c, probe) in cells.SelectMany((cell, c) => cell.Members.Select(probe => (c, probe))))
            {
                var list = measured.GetValueOrDefault(probe, []);
                // In the model's whole seconds, then the nearer, then a fixed order.
                list.Sort((x, y) => (x.EtaSeconds, x.Meters, x.UnitId).CompareTo((y.EtaSeconds, y.Meters, y.UnitId)));
                var left = taken.Count == 0 ? list : list.Where(c => !taken.Contains(c.UnitId)).ToList();
                var walk = walks.GetValueOrDefault(c, Walk.Empty);
                if (limit is { } max && walk.Units.Count >= max)
                {
                    // The soonest any unit not yet reached could arrive (it is at least this far, of the fastest kind).
                    var beyond = CoverageCalculator.TrueOverOrdered * (walk.Farthest - cells[c].Offset(PlanePoint(probe)));
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

            cells = stillOpen.Select(Alone).ToList();
        }

        return found;
    }

    /// <summary>
    /// Where a walk starts (a point of the plane, metres) and the probes it serves, none farther from it than
    /// <paramref name="Radius"/>; all of one ask.
    /// </summary>
    private sealed record Cell(int A, double X, double Y, double Radius, List<Probe> Members)
    {
        public double Offset((double X, double Y) point) => Math.Sqrt(Math.Pow(point.X - X, 2) + Math.Pow(point.Y - Y, 2));
    }

    private Cell Alone(Probe probe)
    {
        var (x, y) = PlanePoint(probe);
        return new Cell(probe.A, x, y, 0, [probe]);
    }

    /// <summary>
    /// The probes in square cells of the plane, per ask, about <see cref="ProbesPerCell"/> to a cell where the points
    /// are spread evenly, and no wider than a quarter of the reach: the wider a cell, the less a walk from its centre
    /// settles for the probes at its edge. The grid starts at the south-west corner of the probes; each cell's centre is
    /// the middle of its probes.
    /// </summary>
    private List<Cell> Grid(IReadOnlyList<Probe> probes) =>
        probes.GroupBy(p => p.A).SelectMany(ask =>
        {
            var points = ask.Select(p => (Probe: p, At: PlanePoint(p))).ToList();
            var (west, south) = (points.Min(p => p.At.X), points.Min(p => p.At.Y));
            var area = (points.Max(p => p.At.X) - west) * (points.Max(p => p.At.Y) - south);
            var side = Math.Clamp(Math.Sqrt(area * ProbesPerCell / points.Count), 1, reaches[ask.Key] / 4);
            return points
                .GroupBy(p => (Math.Floor((p.At.Y - south) / side), Math.Floor((p.At.X - west) / side)))
                .OrderBy(g => g.Key)
                .Select(g =>
                {
                    var (x, y) = ((g.Min(p => p.At.X) + g.Max(p => p.At.X)) / 2, (g.Min(p => p.At.Y) + g.Max(p => p.At.Y)) / 2);
                    var cell = new Cell(ask.Key, x, y, 0, [.. g.Select(p => p.Probe)]);
                    return cell with { Radius = g.Max(p => cell.Offset(p.At)) };
                });
        }).ToList();

    /// <summary>A probe as a point of the plane (as <see cref="CoverageCalculator.PlaneSql"/> draws it).</summary>
    private (double X, double Y) PlanePoint(Probe probe)
    {
        var at = demand[probe.I].Location;
        return (CoverageCalculator.EarthRadius * (at.Lon * Math.PI / 180) * cosLat, CoverageCalculator.EarthRadius * (at.Lat * Math.PI / 180));
    }

    /// <summary>A unit a walk reached: where it is, and the index's (planar) distance to it.</summary>
    private sealed record Reached(Guid UnitId, UnitKind Kind, GeoPoint At, double Ordered);

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

    /// <summary>Per cell (by index), the <paramref name="limit"/> eligible units nearest its centre in its box (every one when null), nearest first.</summary>
    private async Task<Dictionary<int, Walk>> WalkAsync(IReadOnlyList<Cell> cells, int? limit, CancellationToken ct)
    {
        // The limit stays a literal: with LIMIT $n a generic plan can fall back to a sequential scan.
        var nearest = limit is { } n ? $"order by ordered limit {n.ToString(CultureInfo.InvariantCulture)}" : "";
        var capability = asks.Select(a => a.Capability).Distinct().Count() == 1 ? "" : "and p.cap = any(u.capabilities)";
        var sql = $"""
            {CellsSql}
            select p.c, b.id, b.kind, b.lon, b.lat, b.ordered
            from probes p cross join lateral (
              select u.id, u.kind, u.lon, u.lat, u.plane <-> p.plane as ordered from coverage_units u
              where {InReachBox} {capability}
              {nearest}) b
            """;
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.AddWithValue("cs", Enumerable.Range(0, cells.Count).ToArray());
        command.Parameters.AddWithValue("caps", cells.Select(c => asks[c.A].Capability).ToArray());
        // Wide enough for every unit within reach of any of the cell's probes.
        command.Parameters.AddWithValue("halves", cells.Select(c => (reaches[c.A] / CoverageCalculator.TrueOverOrdered) + c.Radius + 1).ToArray());
        command.Parameters.AddWithValue("xs", cells.Select(c => c.X).ToArray());
        command.Parameters.AddWithValue("ys", cells.Select(c => c.Y).ToArray());

        var walks = new Dictionary<int, Walk>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var key = reader.GetInt32(0);
            var reached = new Reached(reader.GetGuid(1), Enum.Parse<UnitKind>(reader.GetString(2)), new GeoPoint(reader.GetDouble(4), reader.GetDouble(3)), reader.GetDouble(5));
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
    private async Task<Dictionary<Probe, List<Candidate>>> MeasureAsync(
        IReadOnlyList<Cell> cells, Dictionary<int, Walk> walks, HashSet<Guid> taken, CancellationToken ct)
    {
        // Half a million units a province: one pass each, nothing allocated per probe.
        var pairs = new List<(Probe Probe, Reached Unit)>();
        var earliest = Array.Empty<int>();
        var latest = Array.Empty<int>();
        foreach (var (c, walk) in walks)
        {
            var units = walk.Units;
            if (earliest.Length < units.Count)
            {
                (earliest, latest) = (new int[units.Count], new int[units.Count]);
            }

            foreach (var probe in cells[c].Members)
            {
                var at = demand[probe.I].Location;
                for (var u = 0; u < units.Count; u++)
                {
                    var greatCircle = at.ApproximateMetersTo(units[u].At);
                    earliest[u] = eta.UnitSeconds(units[u].Kind, greatCircle * CoverageCalculator.TrueOverOrdered);
                    latest[u] = eta.UnitSeconds(units[u].Kind, greatCircle / CoverageCalculator.TrueOverOrdered);
                }

                var all = SecondLatest(units, latest, _ => true);
                var left = taken.Count == 0 ? all : SecondLatest(units, latest, unit => !taken.Contains(unit.UnitId));
                for (var u = 0; u < units.Count; u++)
                {
                    if (earliest[u] <= all || (earliest[u] <= left && !taken.Contains(units[u].UnitId)))
                    {
                        pairs.Add((probe, units[u]));
                    }
                }
            }
        }

        var measured = new Dictionary<Probe, List<Candidate>>();
        if (pairs.Count == 0)
        {
            return measured;
        }

        await using var command = new NpgsqlCommand(MeasureSql, connection, transaction);
        command.Parameters.AddWithValue("ulons", pairs.Select(p => p.Unit.At.Lon).ToArray());
        command.Parameters.AddWithValue("ulats", pairs.Select(p => p.Unit.At.Lat).ToArray());
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

    /// <summary>
    /// The latest the second soonest of the counted units can arrive (as late as possible where fewer than two count): a
    /// unit that cannot arrive by then is not among the two soonest. ETAs are bracketed from the great-circle distance,
    /// which the ellipsoid's is within 1% of.
    /// </summary>
    private static int SecondLatest(List<Reached> units, int[] latest, Func<Reached, bool> counts)
    {
        var (first, second) = (int.MaxValue, int.MaxValue);
        for (var u = 0; u < units.Count; u++)
        {
            if (counts(units[u]))
            {
                (first, second) = latest[u] < first ? (latest[u], first) : (first, Math.Min(second, latest[u]));
            }
        }

        return second;
    }

    /// <summary>
    /// The units in a box around the walk's centre, wide enough for every unit within reach of each of its probes (the
    /// plane only shrinks distances): the walk stops at the box, instead of walking every copied unit when fewer than
    /// the round's number have the capability (a proposal's water rescue probes walked all of them: 0.7 ms each).
    /// </summary>
    private const string InReachBox = "u.plane <@ box(point(p.x - p.half, p.y - p.half), point(p.x + p.half, p.y + p.half))";

    private const string CellsSql = """
        with probes(c, cap, half, x, y, plane) as (
          select t.c, t.cap, t.half, t.x, t.y, point(t.x, t.y)
          from unnest(@cs::int[], @caps::text[], @halves::float8[], @xs::float8[], @ys::float8[]) t(c, cap, half, x, y))
        """;

    /// <summary>The ellipsoid's distance between each unit and its probe, as <c>nearestUnits</c> measures it.</summary>
    private const string MeasureSql = """
        select t.k, ST_Distance(ST_Point(t.ulon, t.ulat, 4326)::geography, ST_Point(t.lon, t.lat, 4326)::geography)
        from unnest(@ulons::float8[], @ulats::float8[], @lons::float8[], @lats::float8[]) with ordinality t(ulon, ulat, lon, lat, k)
        """;
}
