using System.Globalization;
using Marten;
using Muster.Infrastructure;
using Muster.Spatial;
using Npgsql;

namespace Muster.Experts.Locating;

public sealed record ExpertDistance(Expert Expert, double DistanceMeters, int EtaSeconds);

/// <summary>Which experts a query may return: all of them, or one agency's; of one availability; with one specialty.</summary>
public sealed record ExpertScope(Guid? AgencyId, ExpertAvailability? Availability, string? Specialty);

/// <summary>Spatial questions about experts, answered by PostGIS through the GiST index.</summary>
public sealed class ExpertFinder(NpgsqlDataSource database, IQuerySession session, EtaModel eta)
{
    public const int MaxNearest = 50;

    /// <summary>
    /// The <paramref name="first"/> experts that arrive soonest. All experts travel alike, so the soonest are the
    /// nearest: the index ranks candidates (on the sphere), the spheroid distance orders the ones returned.
    /// </summary>
    public async Task<IReadOnlyList<ExpertDistance>> NearestAsync(GeoPoint near, ExpertScope scope, int first, CancellationToken ct)
    {
        // k stays a literal: with LIMIT $n a generic plan can fall back to a sequential scan.
        var k = Math.Clamp(first, 1, MaxNearest);
        await using var command = database.CreateCommand($"""
            select id, distance from (
              select e.id, ST_Distance(e.location, @point) as distance from {ExpertLocationsTable.Name} e
              where {Filter(scope)}
              order by e.location <-> @point limit {(2 * k).ToString(CultureInfo.InvariantCulture)}) candidates
            order by distance, id limit {k.ToString(CultureInfo.InvariantCulture)}
            """);
        command.Parameters.AddWithValue("point", near.ToPoint());
        command.Parameters.AddWithValue("agency", NpgsqlTypes.NpgsqlDbType.Uuid, (object?)scope.AgencyId ?? DBNull.Value);
        command.Parameters.AddWithValue("availability", scope.Availability?.ToString() ?? "");
        command.Parameters.AddWithValue("specialty", scope.Specialty ?? "");

        var found = await DistanceRows.LoadAsync<Expert>(command, session, ct);
        return found
            .Select(f => new ExpertDistance(f.Document, f.Meters, eta.ExpertSeconds(f.Meters)))
            .OrderBy(e => e.EtaSeconds).ThenBy(e => e.DistanceMeters)
            .ToList();
    }

    /// <summary>The specialty tags in use, with how many experts carry each, most common first (only those
    /// in <paramref name="only"/> when given).</summary>
    public Task<IReadOnlyList<(string Tag, int Count)>> SpecialtiesAsync(Guid? agencyId, IReadOnlyCollection<string>? only, CancellationToken ct) =>
        TagCensus.CountAsync(database, ExpertLocationsTable.Name, "specialties", agencyId, only, ct);

    private static string Filter(ExpertScope scope) => string.Join(" and ", new[]
    {
        "true",
        scope.AgencyId is null ? null : "e.agency_id = @agency",
        scope.Availability is null ? null : "e.availability = @availability",
        scope.Specialty is null ? null : "@specialty = any(e.specialties)",
    }.Where(c => c is not null));
}
