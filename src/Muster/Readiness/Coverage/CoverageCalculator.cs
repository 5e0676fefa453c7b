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
/// coverage resting on a unit nobody has heard from is a false comfort. Answered in PostGIS: per demand point, an
/// index probe (<c>ST_DWithin</c> on the farthest reach within the horizon) for the soonest few units. A small demand
/// probes <c>unit_locations</c> directly; a large one first copies the eligible units (status, freshness,
/// capabilities) into an indexed temporary table, so each probe meets only units that can count.
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

    /// <summary>Per (ask, demand point), the soonest <paramref name="perPoint"/> units within the ask's horizon, soonest first.</summary>
    private async Task<Dictionary<(int Ask, int Point), List<Candidate>>> CandidatesAsync(
        IReadOnlyList<CoverageAsk> asks, IReadOnlyList<DemandPoint> demand, int perPoint, bool copyEligible, CancellationToken ct)
    {
        var direct = !copyEligible;
        var kinds = Enum.GetValues<UnitKind>();
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

        // The limit stays a literal: with LIMIT $n a generic plan can fall back to a sequential scan.
        var source = direct
            ? $"{UnitLocationsTable.Name} u where u.status = '{nameof(UnitStatus.Available)}' and (u.position_at is null or u.position_at >= @cutoff) and"
            : "coverage_units u where";
        var sql = $"""
            with kinds(kind, turnout, mps) as (select * from unnest(@kinds::text[], @turnouts::float8[], @speeds::float8[])),
            asks(a, cap, reach) as (select (t.ord - 1)::int, t.cap, t.reach from unnest(@caps::text[], @reaches::float8[]) with ordinality t(cap, reach, ord)),
            demand(i, g) as (select (t.ord - 1)::int, ST_SetSRID(ST_MakePoint(t.lon, t.lat), 4326)::geography
                             from unnest(@lons::float8[], @lats::float8[]) with ordinality t(lon, lat, ord))
            select asks.a, demand.i, b.id, b.kind, b.meters
            from asks cross join demand cross join lateral (
              select c.id, c.kind, c.meters from (
                select u.id, u.kind, ST_Distance(u.location, demand.g) as meters from {source}
                ST_DWithin(u.location, demand.g, asks.reach) and asks.cap = any(u.capabilities)) c
              join kinds k on k.kind = c.kind
              order by k.turnout + c.meters * @detour / k.mps, c.id
              limit {perPoint.ToString(CultureInfo.InvariantCulture)}) b
            """;
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.AddWithValue("kinds", kinds.Select(k => k.ToString()).ToArray());
        command.Parameters.AddWithValue("turnouts", kinds.Select(k => (double)eta.UnitTravel(k).TurnoutSeconds).ToArray());
        command.Parameters.AddWithValue("speeds", kinds.Select(k => eta.UnitTravel(k).SpeedKmh / 3.6).ToArray());
        command.Parameters.AddWithValue("detour", eta.DetourFactor);
        command.Parameters.AddWithValue("caps", asks.Select(a => a.Capability).ToArray());
        // A margin over the farthest reach: distances on the ellipsoid, and ETAs rounded to the second.
        command.Parameters.AddWithValue("reaches", asks.Select(a => (eta.UnitReachMeters(a.HorizonSeconds) * 1.01) + 10).ToArray());
        command.Parameters.AddWithValue("lons", demand.Select(d => d.Location.Lon).ToArray());
        command.Parameters.AddWithValue("lats", demand.Select(d => d.Location.Lat).ToArray());
        command.Parameters.AddWithValue("cutoff", cutoff);

        var found = new Dictionary<(int, int), List<Candidate>>();
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                var key = (reader.GetInt32(0), reader.GetInt32(1));
                var meters = reader.GetDouble(4);
                var candidate = new Candidate(reader.GetGuid(2), meters, eta.UnitSeconds(Enum.Parse<UnitKind>(reader.GetString(3)), meters));
                if (!found.TryGetValue(key, out var list))
                {
                    found[key] = list = [];
                }

                list.Add(candidate);
            }
        }

        await transaction.CommitAsync(ct);
        foreach (var list in found.Values)
        {
            // SQL ordered on unrounded ETAs; the answer is in the model's whole seconds.
            list.Sort((x, y) => (x.EtaSeconds, x.Meters, x.UnitId).CompareTo((y.EtaSeconds, y.Meters, y.UnitId)));
        }

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
