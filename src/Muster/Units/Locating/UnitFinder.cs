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

/// <summary>Spatial questions about units, answered by PostGIS through the GiST index.</summary>
public sealed class UnitFinder(NpgsqlDataSource database, IQuerySession session, EtaModel eta, TimeProvider time, UnitFinderOptions options)
{
    public const int MaxNearest = 50;
    public const int MaxWithin = 500;

    /// <summary>
    /// The <paramref name="first"/> units that arrive soonest, fresh positions before stale ones.
    /// </summary>
    public async Task<IReadOnlyList<UnitDistance>> NearestAsync(GeoPoint near, UnitScope scope, int first, CancellationToken ct)
    {
        // One k-nearest scan through the index first. Its k-th soonest fresh unit arrives at T; no unit arrives
        // sooner than T from farther than any kind can travel in T, so the units within that reach hold the answer.
        // (Scanning per kind and freshness instead walks the whole index for every group that has no unit at all.)
        // The index orders on a sphere, the ranking uses the ellipsoid: a margin of candidates covers near-ties.
        var k = Math.Clamp(first, 1, MaxNearest);
        var candidates = 2 * k + 10;
        var nearest = await LocateAsync($"""
            select u.id, ST_Distance(u.location, @point) as distance, u.kind, u.position_at from {UnitLocationsTable.Name} u
            where {Filter(scope)} order by u.location <-> @point limit {candidates.ToString(CultureInfo.InvariantCulture)}
            """, near, scope, _ => { }, ct);
        var fresh = nearest.Where(u => !u.Stale).OrderBy(u => u.EtaSeconds).ToList();
        if (nearest.Count < candidates)
        {
            return await RankAsync(nearest, k, ct); // every unit in scope is here
        }

        if (fresh.Count < k)
        {
            return await NearestPerGroupAsync(near, scope, k, ct); // too few fresh ones nearby: look per group
        }

        var reach = eta.UnitReachMeters(fresh[k - 1].EtaSeconds) * 1.01;
        if (nearest.Max(u => u.Meters) >= reach)
        {
            return await RankAsync(nearest, k, ct);
        }

        var within = await LocateAsync($"""
            select u.id, ST_Distance(u.location, @point) as distance, u.kind, u.position_at from {UnitLocationsTable.Name} u
            where ST_DWithin(u.location, @point, @reach) and {Filter(scope)}
            """, near, scope, command => command.Parameters.AddWithValue("reach", reach), ct);
        return await RankAsync(within, k, ct);
    }

    /// <summary>
    /// The k nearest of each kind and freshness: ETA orders units of one kind as distance does, so together they
    /// hold the k soonest even when fresh units are few.
    /// </summary>
    private async Task<IReadOnlyList<UnitDistance>> NearestPerGroupAsync(GeoPoint near, UnitScope scope, int k, CancellationToken ct)
    {
        // The limit stays a literal: with LIMIT $n a generic plan can fall back to a sequential scan.
        var sql = $"""
            select t.id, t.distance, t.kind, t.position_at from unnest(@kinds) as k(kind) cross join (values (true), (false)) as f(fresh)
            cross join lateral (
              select u.id, ST_Distance(u.location, @point) as distance, u.kind, u.position_at from {UnitLocationsTable.Name} u
              where u.kind = k.kind and (u.position_at is null or u.position_at >= @cutoff) = f.fresh and {Filter(scope)}
              order by u.location <-> @point limit {(2 * k + 10).ToString(CultureInfo.InvariantCulture)}) t
            """;
        var found = await LocateAsync(sql, near, scope, command =>
            command.Parameters.AddWithValue("kinds", Enum.GetNames<UnitKind>()), ct);
        return await RankAsync(found, k, ct);
    }

    /// <summary>The k soonest, fresh before stale, ranked on the location rows; only their documents are loaded.</summary>
    private Task<IReadOnlyList<UnitDistance>> RankAsync(IEnumerable<Located> units, int k, CancellationToken ct) =>
        LoadAsync(units.OrderBy(u => u.Stale).ThenBy(u => u.EtaSeconds).ThenBy(u => u.Meters).ThenBy(u => u.Id).Take(k).ToList(), ct);

    /// <summary>Units within <paramref name="radiusMeters"/> of a point, nearest first.</summary>
    public Task<IReadOnlyList<UnitDistance>> WithinAsync(GeoPoint center, double radiusMeters, UnitScope scope, CancellationToken ct) =>
        QueryAsync($"""
            select u.id, ST_Distance(u.location, @point) as distance, u.kind, u.position_at from {UnitLocationsTable.Name} u
            where ST_DWithin(u.location, @point, @radius) and {Filter(scope)}
            order by distance, u.id limit {MaxWithin}
            """, center, scope, command => command.Parameters.AddWithValue("radius", radiusMeters), ct);

    /// <summary>Units inside an area (a polygon in WGS84), nearest to its centre first.</summary>
    public Task<IReadOnlyList<UnitDistance>> InAreaAsync(Polygon area, UnitScope scope, CancellationToken ct)
    {
        var centre = GeoPoint.FromPoint(area.Centroid);
        area.SRID = GeoPoint.Srid;
        return QueryAsync($"""
            select u.id, ST_Distance(u.location, @point) as distance, u.kind, u.position_at from {UnitLocationsTable.Name} u
            where ST_Covers(@area::geography, u.location) and {Filter(scope)}
            order by distance, u.id limit {MaxWithin}
            """, centre, scope, command => command.Parameters.AddWithValue("area", area), ct);
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

    private async Task<IReadOnlyList<UnitDistance>> QueryAsync(
        string sql, GeoPoint point, UnitScope scope, Action<NpgsqlCommand> parameters, CancellationToken ct) =>
        await LoadAsync(await LocateAsync(sql, point, scope, parameters, ct), ct);

    /// <summary>Runs a query answering (id, distance, kind, position_at): enough to rank by ETA without the documents.</summary>
    private async Task<List<Located>> LocateAsync(
        string sql, GeoPoint point, UnitScope scope, Action<NpgsqlCommand> parameters, CancellationToken ct)
    {
        var cutoff = time.GetUtcNow() - options.StaleAfter;
        await using var command = database.CreateCommand(sql);
        command.Parameters.AddWithValue("point", point.ToPoint());
        command.Parameters.AddWithValue("cutoff", cutoff);
        command.Parameters.AddWithValue("agency", NpgsqlTypes.NpgsqlDbType.Uuid, (object?)scope.AgencyId ?? DBNull.Value);
        command.Parameters.AddWithValue("status", scope.Status?.ToString() ?? "");
        command.Parameters.AddWithValue("capability", scope.Capability ?? "");
        parameters(command);

        var located = new List<Located>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var meters = reader.GetDouble(1);
            var kind = Enum.Parse<UnitKind>(reader.GetString(2));
            var stale = !reader.IsDBNull(3) && reader.GetFieldValue<DateTimeOffset>(3) < cutoff;
            located.Add(new Located(reader.GetGuid(0), meters, eta.UnitSeconds(kind, meters), stale));
        }

        return located;
    }

    /// <summary>The documents of located units in one round trip, in the same order; a row without a document is dropped.</summary>
    private async Task<IReadOnlyList<UnitDistance>> LoadAsync(IReadOnlyList<Located> located, CancellationToken ct)
    {
        var units = (await session.LoadManyAsync<RescueUnit>(ct, located.Select(u => u.Id))).ToDictionary(u => u.Id);
        return located
            .Where(u => units.ContainsKey(u.Id))
            .Select(u => new UnitDistance(units[u.Id], u.Meters, u.EtaSeconds, u.Stale))
            .ToList();
    }

    /// <summary>A unit as its location row tells it.</summary>
    private sealed record Located(Guid Id, double Meters, int EtaSeconds, bool Stale);
}

/// <summary>The <c>Units</c> configuration section.</summary>
public sealed class UnitFinderOptions
{
    public const string Section = "Units";

    /// <summary>A unit whose last position is older than this is ranked after fresh ones and marked stale.</summary>
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromMinutes(30);
}
