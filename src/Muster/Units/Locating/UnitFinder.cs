using System.Globalization;
using Marten;
using Muster.Infrastructure;
using Muster.Spatial;
using Npgsql;
using NetTopologySuite.Geometries;

namespace Muster.Units.Locating;

public sealed record UnitDistance(RescueUnit Unit, double DistanceMeters, int EtaSeconds, bool PositionStale);

/// <summary>Which units a query may return: all of them, or one agency's.</summary>
public sealed record UnitScope(Guid? AgencyId, UnitStatus? Status, string? Capability);

/// <summary>What a finder answers for each unit.</summary>
public enum UnitDetail
{
    /// <summary>The unit's document, as every other read shows it.</summary>
    Document,

    /// <summary>
    /// Only what the location row holds (<see cref="LocationRowFields"/>); the other members of the
    /// <see cref="RescueUnit"/> answered are placeholders. For a caller that reads nothing else: no document is read.
    /// </summary>
    LocationRow,
}

/// <summary>Spatial questions about units, answered by PostGIS through the GiST index, each in one round trip.</summary>
public sealed class UnitFinder(NpgsqlDataSource database, IQuerySession session, EtaModel eta, TimeProvider time, UnitFinderOptions options)
{
    public const int MaxNearest = 50;
    public const int MaxWithin = 500;

    /// <summary>The members of <see cref="RescueUnit"/> that <see cref="UnitDetail.LocationRow"/> answers truly.</summary>
    public static readonly IReadOnlySet<string> LocationRowFields = new HashSet<string>
    {
        nameof(RescueUnit.Id), nameof(RescueUnit.AgencyId), nameof(RescueUnit.Kind), nameof(RescueUnit.Status),
        nameof(RescueUnit.Capabilities), nameof(RescueUnit.Location),
    };

    private const string Columns = "u.id, ST_Distance(u.location, @point) as distance, u.kind, u.position_at, u.agency_id, u.status, u.capabilities, u.location";

    /// <summary>The <paramref name="first"/> units that arrive soonest, fresh positions before stale ones, with their documents.</summary>
    public Task<IReadOnlyList<UnitDistance>> NearestAsync(GeoPoint near, UnitScope scope, int first, CancellationToken ct) =>
        NearestAsync(near, scope, first, UnitDetail.Document, ct);

    /// <summary>
    /// The <paramref name="first"/> units that arrive soonest, fresh positions before stale ones: one statement that
    /// ranks by ETA in SQL and answers only the k it keeps (with their documents when <paramref name="detail"/> asks).
    /// </summary>
    public async Task<IReadOnlyList<UnitDistance>> NearestAsync(GeoPoint near, UnitScope scope, int first, UnitDetail detail, CancellationToken ct) =>
        (await NearestEachAsync(near, [scope], first, detail, ct))[0];

    /// <summary>
    /// For each scope, what <see cref="NearestAsync(GeoPoint, UnitScope, int, UnitDetail, CancellationToken)"/> answers;
    /// the statements go in one round trip (a proposal asks for each capability it needs).
    /// </summary>
    public Task<IReadOnlyList<IReadOnlyList<UnitDistance>>> NearestEachAsync(
        GeoPoint near, IReadOnlyList<UnitScope> scopes, int first, UnitDetail detail, CancellationToken ct) =>
        QueryEachAsync(
            [.. scopes.Select(scope => new ScopedSql(NearestSql(scope, first), scope, parameters => parameters.AddWithValue("kinds", Enum.GetNames<UnitKind>())))],
            $"not {Fresh("l")}, {eta.UnitSecondsSql("l.kind", "l.distance")}, l.distance, l.id", near, detail, ct);

    private string NearestSql(UnitScope scope, int first)
    {
        // One k-nearest scan through the index first. Its k-th soonest fresh unit arrives at T; no unit arrives
        // sooner than T from farther than any kind can travel in T, so the units within that reach hold the answer.
        // Too few fresh ones among them: the k nearest of each kind and freshness (ETA orders units of one kind as
        // distance does), which together hold the k soonest. Scanning per group always instead walks the whole
        // index for every group that has no unit at all. The index orders on a sphere, the ranking uses the
        // ellipsoid: a margin of candidates covers near-ties. Which branch runs is decided inside the statement
        // (the others are one-time filters that never start); the limits stay literals, as with LIMIT $n a generic
        // plan can fall back to a sequential scan.
        var k = Math.Clamp(first, 1, MaxNearest);
        var kText = k.ToString(CultureInfo.InvariantCulture);
        var candidates = (2 * k + 10).ToString(CultureInfo.InvariantCulture);
        var filter = Filter(scope);
        return $"""
            with nearest as materialized (
              select {Columns} from {UnitLocationsTable.Name} u where {filter}
              order by u.location <-> @point limit {candidates}),
            seen as materialized (
              select count(*) as found, count(*) filter (where {Fresh("n")}) as fresh, max(n.distance) as farthest,
                     (select {eta.UnitSecondsSql("r.kind", "r.distance")} as eta from nearest r where {Fresh("r")}
                      order by eta offset {(k - 1).ToString(CultureInfo.InvariantCulture)} limit 1) as kth
              from nearest n),
            plan as materialized (
              select found < {candidates} or (fresh >= {kText} and farthest >= reach) as take_nearest,
                     found >= {candidates} and fresh < {kText} as take_groups,
                     found >= {candidates} and fresh >= {kText} and farthest < reach as take_within,
                     reach
              from (select seen.*, {eta.UnitReachMetersSql("seen.kth")} * 1.01 as reach from seen) s),
            candidates as (
              select * from nearest where (select take_nearest from plan)
              union all
              select t.* from unnest(@kinds::text[]) as k(kind) cross join (values (true), (false)) as f(fresh)
              cross join lateral (
                select {Columns} from {UnitLocationsTable.Name} u
                where u.kind = k.kind and {Fresh("u")} = f.fresh and {filter}
                order by u.location <-> @point limit {candidates}) t
              where (select take_groups from plan)
              union all
              select {Columns} from {UnitLocationsTable.Name} u
              where (select take_within from plan) and ST_DWithin(u.location, @point, (select reach from plan)) and {filter})
            select * from candidates c
            order by not {Fresh("c")}, {eta.UnitSecondsSql("c.kind", "c.distance")}, c.distance, c.id limit {kText}
            """;
    }

    /// <summary>Units within <paramref name="radiusMeters"/> of a point, nearest first.</summary>
    public Task<IReadOnlyList<UnitDistance>> WithinAsync(GeoPoint center, double radiusMeters, UnitScope scope, CancellationToken ct) =>
        QueryAsync($"""
            select {Columns} from {UnitLocationsTable.Name} u
            where ST_DWithin(u.location, @point, @radius) and {Filter(scope)}
            order by distance, u.id limit {MaxWithin}
            """, "l.distance, l.id", center, scope, UnitDetail.Document, parameters => parameters.AddWithValue("radius", radiusMeters), ct);

    /// <summary>Units inside an area (a polygon in WGS84), nearest to its centre first.</summary>
    public Task<IReadOnlyList<UnitDistance>> InAreaAsync(Polygon area, UnitScope scope, CancellationToken ct)
    {
        var centre = GeoPoint.FromPoint(area.Centroid);
        area.SRID = GeoPoint.Srid;
        return QueryAsync($"""
            select {Columns} from {UnitLocationsTable.Name} u
            where ST_Covers(@area::geography, u.location) and {Filter(scope)}
            order by distance, u.id limit {MaxWithin}
            """, "l.distance, l.id", centre, scope, UnitDetail.Document, parameters => parameters.AddWithValue("area", area), ct);
    }

    /// <summary>The capability tags in use, with how many units carry each, most common first (only those
    /// in <paramref name="only"/> when given).</summary>
    public Task<IReadOnlyList<(string Tag, int Count)>> CapabilitiesAsync(Guid? agencyId, IReadOnlyCollection<string>? only, CancellationToken ct) =>
        TagCensus.CountAsync(database, UnitLocationsTable.Name, "capabilities", agencyId, only, ct);

    private static string Filter(UnitScope scope) => string.Join(" and ", new[]
    {
        "true",
        scope.AgencyId is null ? null : "u.agency_id = @agency",
        scope.Status is null ? null : "u.status = @status",
        scope.Capability is null ? null : "@capability = any(u.capabilities)",
    }.Where(c => c is not null));

    /// <summary>A position never reported (the home station) or reported since the cut-off.</summary>
    private static string Fresh(string row) => $"({row}.position_at is null or {row}.position_at >= @cutoff)";

    /// <summary>
    /// Runs <paramref name="sql"/> (rows of <see cref="Columns"/>, answered in <paramref name="order"/>) and, in the same statement,
    /// joins the documents of the rows it keeps when <paramref name="detail"/> asks for them; a row without a
    /// document is dropped. The ETA is reckoned here from the kind and the distance, as everywhere.
    /// </summary>
    private async Task<IReadOnlyList<UnitDistance>> QueryAsync(
        string sql, string order, GeoPoint point, UnitScope scope, UnitDetail detail, Action<NpgsqlParameterCollection> parameters, CancellationToken ct) =>
        (await QueryEachAsync([new ScopedSql(sql, scope, parameters)], order, point, detail, ct))[0];

    /// <summary>A statement of rows of <see cref="Columns"/> for one scope, and its own parameters.</summary>
    private sealed record ScopedSql(string Sql, UnitScope Scope, Action<NpgsqlParameterCollection> Parameters);

    /// <summary>The answers of several <see cref="QueryAsync"/> statements about one point, in one round trip.</summary>
    private async Task<IReadOnlyList<IReadOnlyList<UnitDistance>>> QueryEachAsync(
        IReadOnlyList<ScopedSql> queries, string order, GeoPoint point, UnitDetail detail, CancellationToken ct)
    {
        if (queries.Count == 0)
        {
            return [];
        }

        var documents = detail == UnitDetail.Document;
        var cutoff = time.GetUtcNow() - options.StaleAfter;
        NpgsqlBatchCommand Query(ScopedSql scoped)
        {
            var query = new NpgsqlBatchCommand($"""
                select l.id, l.distance, l.kind, l.position_at, l.agency_id, l.status, l.capabilities,
                       ST_Y(l.location::geometry), ST_X(l.location::geometry){(documents ? ", d.data" : "")}
                from ({scoped.Sql}) as l
                {(documents ? $"join {DocumentTable} d on d.id = l.id" : "")}
                order by {order}
                """);
            query.Parameters.AddWithValue("point", point.ToPoint());
            query.Parameters.AddWithValue("cutoff", cutoff);
            query.Parameters.AddWithValue("agency", NpgsqlTypes.NpgsqlDbType.Uuid, (object?)scoped.Scope.AgencyId ?? DBNull.Value);
            query.Parameters.AddWithValue("status", scoped.Scope.Status?.ToString() ?? "");
            query.Parameters.AddWithValue("capability", scoped.Scope.Capability ?? "");
            scoped.Parameters(query.Parameters);
            return query;
        }

        // The statements are written to be planned once (literal limits, branches as one-time filters), but the
        // planner, comparing estimates, keeps planning them anew for each call: about 2 ms of a long statement's
        // planning, more than running it. Its generic plan is asked for within the statements' own transaction,
        // sent in the same round trip.
        await using var batch = LocalSettings.Batch(database, "plan_cache_mode = force_generic_plan", queries.Select(Query));
        var answers = new List<IReadOnlyList<UnitDistance>>();
        await using var reader = await batch.ExecuteReaderAsync(ct);
        do
        {
            var found = new List<UnitDistance>();
            while (await reader.ReadAsync(ct))
            {
                var meters = reader.GetDouble(1);
                var kind = Enum.Parse<UnitKind>(reader.GetString(2));
                DateTimeOffset? positionAt = reader.IsDBNull(3) ? null : reader.GetFieldValue<DateTimeOffset>(3);
                var stale = positionAt < cutoff;
                var unit = documents
                    ? session.DocumentStore.Options.Serializer().FromJson<RescueUnit>(reader, 9)
                    : FromRow(reader.GetGuid(0), kind, positionAt, stale, reader);
                found.Add(new UnitDistance(unit, meters, eta.UnitSeconds(kind, meters), stale));
            }

            answers.Add(found);
        }
        while (answers.Count < queries.Count && await reader.NextResultAsync(ct));

        return answers;
    }

    private string DocumentTable => DistanceRows.DocumentTable<RescueUnit>(session);

    /// <summary>A unit as its location row tells it: the <see cref="LocationRowFields"/>, and placeholders.</summary>
    private static RescueUnit FromRow(Guid id, UnitKind kind, DateTimeOffset? positionAt, bool stale, NpgsqlDataReader reader)
    {
        var location = new GeoPoint(reader.GetDouble(7), reader.GetDouble(8));
        return new RescueUnit(id, "", kind, NimsType.IV, reader.GetFieldValue<string[]>(6), 0, location, reader.GetGuid(4),
            Enum.Parse<UnitStatus>(reader.GetString(5)), location, positionAt, stale, default);
    }
}

/// <summary>The <c>Units</c> configuration section.</summary>
public sealed class UnitFinderOptions
{
    public const string Section = "Units";

    /// <summary>A unit whose last position is older than this is ranked after fresh ones and marked stale.</summary>
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromMinutes(30);
}
