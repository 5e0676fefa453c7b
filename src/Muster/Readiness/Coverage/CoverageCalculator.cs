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
/// coverage resting on a unit nobody has heard from is a false comfort. Answered in PostGIS. A small demand probes
/// <c>unit_locations</c> directly, per demand point every eligible unit within reach (<c>ST_DWithin</c> on the farthest
/// reach within the horizon). A large one first copies the eligible units (status, freshness, capabilities) into an
/// indexed temporary table, then scans it nearest first per point for a few units only, asking again where those few
/// cannot prove that no unit further away arrives sooner. Both give the same answer.
/// </summary>
public sealed class CoverageCalculator(NpgsqlDataSource database, EtaModel eta, TimeProvider time, UnitFinderOptions units)
{
    /// <summary>Probes (demand points × capabilities) answered straight from unit_locations; above, the eligible units are copied first.</summary>
    public const int DirectProbesUpTo = 2_000;

    /// <param name="copyEligible">Copy the eligible units first (true) or probe unit_locations directly (false); by default
    /// decided by the number of probes (<see cref="DirectProbesUpTo"/>). Both give the same answer.</param>
    public async Task<IReadOnlyList<CoverageBeforeAfter>> ComputeAsync(
        IReadOnlyList<CoverageAsk> asks, IReadOnlyList<DemandPoint> demand, IReadOnlyCollection<Guid> taken, CancellationToken ct,
        bool? copyEligible = null)
    {
        var candidates = asks.Count == 0 || demand.Count == 0
            ? []
            : await CandidatesAsync(asks, demand, taken.Count + 2, copyEligible ?? (long)asks.Count * demand.Count > DirectProbesUpTo, ct);
        return asks.Select((ask, a) =>
        {
            PointCoverage Cover(int i, Func<Candidate, bool> counts)
            {
                var soonest = candidates.GetValueOrDefault((a, i), []).Where(counts).Take(2).ToList();
                int? At(int n) => soonest.Count > n && soonest[n].EtaSeconds <= ask.HorizonSeconds ? soonest[n].EtaSeconds : null;
                return new PointCoverage(demand[i], At(0), At(1), ask.WithinSeconds);
            }

            var before = new CoverageAnswer(ask.Capability, ask.WithinSeconds, [.. demand.Select((_, i) => Cover(i, _ => true))]);
            var after = taken.Count == 0
                ? before
                : new CoverageAnswer(ask.Capability, ask.WithinSeconds, [.. demand.Select((_, i) => Cover(i, c => !taken.Contains(c.UnitId)))]);
            return new CoverageBeforeAfter(before, after);
        }).ToList();
    }

    /// <summary>Nearest units fetched per probe in the first round, and in the second for the probes the first left open.</summary>
    private static readonly int[] Rounds = [8, 48];

    /// <summary>
    /// The geodesic (ellipsoid) distance over the sphere distance the index orders by is at least this (WGS 84 departs
    /// from PostGIS's mean sphere by under 0.6%): a unit the nearest-first scan has not reached yet is at least this
    /// fraction of the farthest one it has reached away.
    /// </summary>
    private const double SpheroidOverSphere = 0.99;

    /// <summary>
    /// Per (ask, demand point), the soonest <paramref name="perPoint"/> units within the ask's horizon, soonest first.
    /// Each probe walks the GiST index nearest first (<c>&lt;-&gt;</c>, sphere distance) for a few units and measures
    /// only those on the ellipsoid; the probe is settled when no unit further away could arrive sooner than the
    /// soonest found (the fastest kind at the farthest distance, less the sphere's margin), or sooner than the horizon.
    /// The few probes left open are asked again with more units, and finally for every unit within reach.
    /// </summary>
    private async Task<Dictionary<(int Ask, int Point), List<Candidate>>> CandidatesAsync(
        IReadOnlyList<CoverageAsk> asks, IReadOnlyList<DemandPoint> demand, int perPoint, bool copyEligible, CancellationToken ct)
    {
        var direct = !copyEligible;
        await using var connection = await database.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var cutoff = time.GetUtcNow() - units.StaleAfter;
        var capabilities = asks.Select(a => a.Capability).Distinct().ToArray();
        if (!direct)
        {
            await using var copy = new NpgsqlCommand(EligibleUnitsSql, connection, transaction);
            copy.Parameters.AddWithValue("cutoff", cutoff);
            copy.Parameters.AddWithValue("caps", capabilities);
            await copy.ExecuteNonQueryAsync(ct);
        }

        var source = direct
            ? $"{UnitLocationsTable.Name} u where u.status = '{nameof(UnitStatus.Available)}' and (u.position_at is null or u.position_at >= @cutoff) and"
            : "coverage_units u where";
        // A margin over the farthest reach: distances on the ellipsoid, and ETAs rounded to the second.
        var reaches = asks.Select(a => (eta.UnitReachMeters(a.HorizonSeconds) * 1.01) + 10).ToArray();
        var travels = Enum.GetValues<UnitKind>().Select(eta.UnitTravel).ToList();

        var found = new Dictionary<(int, int), List<Candidate>>();
        var open = asks.SelectMany((_, a) => demand.Select((_, i) => (a, i))).ToList();
        // Straight from unit_locations, a nearest-first scan walks past every unit that cannot count (busy, stale, other
        // capabilities): when many per point are wanted (a dispatch's cost: the units it takes and two more), small
        // demands measure every eligible unit within reach at once instead (city, 28 points: coverage 55 ms p50 nearest
        // first vs 191 ms; a proposal's cost 731 ms vs 367 ms).
        foreach (var limit in (direct && perPoint > 2 ? [] : Rounds).Select(n => (int?)Math.Max(n, perPoint + 6)).Append(null))
        {
            if (open.Count == 0)
            {
                break;
            }

            // The limit stays a literal: with LIMIT $n a generic plan can fall back to a sequential scan.
            var sql = $"""
                with probes(a, i, cap, reach, g) as (
                  select t.a, t.i, t.cap, t.reach, ST_SetSRID(ST_MakePoint(t.lon, t.lat), 4326)::geography
                  from unnest(@as::int[], @is::int[], @caps::text[], @reaches::float8[], @lons::float8[], @lats::float8[]) t(a, i, cap, reach, lon, lat))
                select p.a, p.i, b.id, b.kind, ST_Distance(b.location, p.g), b.sphere
                from probes p cross join lateral (
                  select u.id, u.kind, u.location, u.location <-> p.g as sphere from {source}
                  ST_DWithin(u.location, p.g, p.reach) and p.cap = any(u.capabilities)
                  {(limit is { } n ? $"order by u.location <-> p.g limit {n.ToString(CultureInfo.InvariantCulture)}" : "")}) b
                """;
            await using var command = new NpgsqlCommand(sql, connection, transaction);
            command.Parameters.AddWithValue("as", open.Select(p => p.a).ToArray());
            command.Parameters.AddWithValue("is", open.Select(p => p.i).ToArray());
            command.Parameters.AddWithValue("caps", open.Select(p => asks[p.a].Capability).ToArray());
            command.Parameters.AddWithValue("reaches", open.Select(p => reaches[p.a]).ToArray());
            command.Parameters.AddWithValue("lons", open.Select(p => demand[p.i].Location.Lon).ToArray());
            command.Parameters.AddWithValue("lats", open.Select(p => demand[p.i].Location.Lat).ToArray());
            command.Parameters.AddWithValue("cutoff", cutoff);

            var round = new Dictionary<(int, int), List<Candidate>>();
            var farthest = new Dictionary<(int, int), double>();
            await using (var reader = await command.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    var key = (reader.GetInt32(0), reader.GetInt32(1));
                    var meters = reader.GetDouble(4);
                    var candidate = new Candidate(reader.GetGuid(2), meters, eta.UnitSeconds(Enum.Parse<UnitKind>(reader.GetString(3)), meters));
                    if (!round.TryGetValue(key, out var list))
                    {
                        round[key] = list = [];
                    }

                    list.Add(candidate);
                    farthest[key] = Math.Max(farthest.GetValueOrDefault(key), reader.GetDouble(5));
                }
            }

            var stillOpen = new List<(int a, int i)>();
            foreach (var probe in open)
            {
                var list = round.GetValueOrDefault(probe, []);
                // SQL ordered by sphere distance; the answer is in the model's whole seconds.
                list.Sort((x, y) => (x.EtaSeconds, x.Meters, x.UnitId).CompareTo((y.EtaSeconds, y.Meters, y.UnitId)));
                if (limit is { } max && list.Count >= max)
                {
                    // The soonest any unit not yet reached could arrive (it is at least this far, of the fastest kind).
                    var beyond = SpheroidOverSphere * farthest[probe];
                    var soonestBeyond = travels.Min(t => t.TurnoutSeconds + (beyond * eta.DetourFactor / (t.SpeedKmh / 3.6)));
                    var needed = list.Count >= perPoint ? Math.Min(list[perPoint - 1].EtaSeconds, asks[probe.a].HorizonSeconds) : asks[probe.a].HorizonSeconds;
                    if (soonestBeyond - 1 <= needed)
                    {
                        stillOpen.Add(probe);
                        continue;
                    }
                }

                if (list.Count > 0)
                {
                    found[probe] = list.Count > perPoint ? list[..perPoint] : list;
                }
            }

            open = stillOpen;
        }

        await transaction.CommitAsync(ct);
        return found;
    }

    private static readonly string EligibleUnitsSql = $"""
        create temporary table coverage_units on commit drop as
          select u.id, u.kind, u.capabilities, u.location from {UnitLocationsTable.Name} u
          where u.status = '{nameof(UnitStatus.Available)}' and (u.position_at is null or u.position_at >= @cutoff) and u.capabilities && @caps::text[];
        create index on coverage_units using gist (location);
        analyze coverage_units;
        """;

    private sealed record Candidate(Guid UnitId, double Meters, int EtaSeconds);
}
