using System.Globalization;
using Marten;
using Muster.Infrastructure;
using Muster.Spatial;
using Npgsql;

namespace Muster.Depots.Locating;

public sealed record DepotDistance(Depot Depot, double DistanceMeters);

/// <summary>Spatial questions about depots, answered by PostGIS through the GiST index.</summary>
public sealed class DepotFinder(NpgsqlDataSource database, IQuerySession session)
{
    public const int MaxNearest = 50;

    /// <summary>
    /// The open depots nearest to a point that <paramref name="viewer"/> may see (<see cref="DepotVisibility"/>,
    /// in SQL: a partner gets the shared pool and its own agency's), nearest first.
    /// </summary>
    public async Task<IReadOnlyList<DepotDistance>> NearestAsync(GeoPoint near, Actor viewer, int first, CancellationToken ct)
    {
        // k stays a literal: with LIMIT $n a generic plan can fall back to a sequential scan. The index orders
        // geography by distance on the sphere, ST_Distance measures on the spheroid (up to 0.5% apart): take a
        // margin of candidates through the index, then rank them by the geodesic distance.
        var k = Math.Clamp(first, 1, MaxNearest);
        var candidates = (2 * k + 10).ToString(CultureInfo.InvariantCulture);
        var visible = viewer.Role == Role.Partner ? "(d.shared or d.agency_id = @agency)" : "true";
        await using var command = database.CreateCommand($"""
            select c.id, c.distance from (
              select d.id, ST_Distance(d.location, @point) as distance from {DepotLocationsTable.Name} d
              where not d.closed and {visible}
              order by d.location <-> @point limit {candidates}) c
            order by c.distance, c.id limit {k.ToString(CultureInfo.InvariantCulture)}
            """);
        command.Parameters.AddWithValue("point", near.ToPoint());
        command.Parameters.AddWithValue("agency", viewer.AgencyId ?? Guid.Empty);
        var found = await DistanceRows.LoadAsync<Depot>(command, session, ct);
        return found.Select(f => new DepotDistance(f.Document, f.Meters)).ToList();
    }
}
