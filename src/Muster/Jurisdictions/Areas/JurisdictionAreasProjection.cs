using JasperFx.Events;
using Marten;
using Marten.Events.Projections;

namespace Muster.Jurisdictions.Areas;

/// <summary>Keeps <see cref="JurisdictionAreasTable"/> in the same transaction as the jurisdictions' events (inline), and can rebuild it from them.</summary>
#pragma warning disable CA1822 // Marten finds the Project methods on the projection instance.
public partial class JurisdictionAreasProjection : EventProjection
{
    private const string FromGeoJson = "ST_SetSRID(ST_GeomFromGeoJSON(?), 4326)";

    public JurisdictionAreasProjection()
    {
        SchemaObjects.Add(JurisdictionAreasTable.Define());
        Options.DeleteDataInTableOnTeardown(JurisdictionAreasTable.Name);
    }

    public void Project(IEvent<JurisdictionRegistered> e, IDocumentOperations ops)
    {
        var r = e.Data;
        var area = r.Boundary is null ? "null" : FromGeoJson;
        object[] values = r.Boundary is null
            ? [r.JurisdictionId, r.Name, (int)r.Level, Text(r.ParentId), Text(r.AgencyId)]
            : [r.JurisdictionId, r.Name, (int)r.Level, Text(r.ParentId), Text(r.AgencyId), r.Boundary];
        ops.QueueSqlCommand(
            $"insert into {JurisdictionAreasTable.Name} (id, name, level, parent_id, agency_id, approximate, area) " +
            $"values (?, ?, ?, nullif(?, '')::uuid, nullif(?, '')::uuid, {(r.Boundary is null ? "true" : "false")}, {area}) " +
            "on conflict (id) do nothing",
            values);
    }

    public void Project(IEvent<JurisdictionAreaDerived> e, IDocumentOperations ops)
    {
        if (e.Data.Area is null)
        {
            ops.QueueSqlCommand($"update {JurisdictionAreasTable.Name} set area = null where id = ?", e.Data.JurisdictionId);
        }
        else
        {
            ops.QueueSqlCommand($"update {JurisdictionAreasTable.Name} set area = {FromGeoJson} where id = ?", e.Data.Area, e.Data.JurisdictionId);
        }
    }

    private static string Text(Guid? id) => id?.ToString() ?? string.Empty;
}
