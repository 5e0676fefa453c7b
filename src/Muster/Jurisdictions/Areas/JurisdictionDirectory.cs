using Marten;
using Muster.Spatial;
using Npgsql;

namespace Muster.Jurisdictions.Areas;

/// <summary>The supervision network as other capabilities ask of it, answered by PostGIS through the GiST index.</summary>
public sealed class JurisdictionDirectory(NpgsqlDataSource database, IQuerySession session) : IJurisdictionDirectory
{
    public async Task<JurisdictionRef?> AtAsync(GeoPoint point, CancellationToken ct)
    {
        if (GeoPoint.Check(point.Lat, point.Lon) is not null)
        {
            return null;
        }

        await using var command = database.CreateCommand($"""
            select id, name, level, parent_id, agency_id from {JurisdictionAreasTable.Name}
            where ST_Intersects(area, ST_SetSRID(ST_MakePoint(@lon, @lat), 4326))
            order by level desc, approximate, id limit 1
            """);
        command.Parameters.AddWithValue("lon", point.Lon);
        command.Parameters.AddWithValue("lat", point.Lat);
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
        {
            return null;
        }

        return new JurisdictionRef(
            reader.GetGuid(0), reader.GetString(1), (JurisdictionLevel)reader.GetInt32(2),
            reader.IsDBNull(3) ? null : reader.GetGuid(3), reader.IsDBNull(4) ? null : reader.GetGuid(4));
    }

    public async Task<JurisdictionRef?> FindAsync(Guid jurisdictionId, CancellationToken ct) =>
        (await session.LoadAsync<Jurisdiction>(jurisdictionId, ct))?.ToRef();

    public async Task<IReadOnlySet<Guid>> MaintainedByAsync(Guid agencyId, CancellationToken ct)
    {
        await using var command = database.CreateCommand($"""
            with recursive maintained(id) as (
              select id from {JurisdictionAreasTable.Name} where agency_id = @agency
              union
              select j.id from {JurisdictionAreasTable.Name} j join maintained m on j.parent_id = m.id)
            select id from maintained
            """);
        command.Parameters.AddWithValue("agency", agencyId);
        var ids = new HashSet<Guid>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            ids.Add(reader.GetGuid(0));
        }

        return ids;
    }
}
