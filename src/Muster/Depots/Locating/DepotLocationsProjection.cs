using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using Muster.Spatial;

namespace Muster.Depots.Locating;

/// <summary>Keeps <see cref="DepotLocationsTable"/> in the same transaction as the depot's events (inline), and can rebuild it from them.</summary>
#pragma warning disable CA1822 // Marten finds the Project methods on the projection instance.
public partial class DepotLocationsProjection : EventProjection
{
    public DepotLocationsProjection()
    {
        SchemaObjects.Add(DepotLocationsTable.Define());
        Options.DeleteDataInTableOnTeardown(DepotLocationsTable.Name);
    }

    public void Project(IEvent<DepotRegistered> e, IDocumentOperations ops) =>
        ops.QueueSqlCommand(
            $"insert into {DepotLocationsTable.Name} (id, agency_id, shared, closed, location) " +
            $"values (?, ?, ?, false, {QueuedSql.Point}) on conflict (id) do nothing",
            e.Data.DepotId, e.Data.AgencyId, e.Data.Shared, e.Data.Location.Lon, e.Data.Location.Lat);

    public void Project(IEvent<DepotRelocated> e, IDocumentOperations ops) =>
        ops.QueueSqlCommand($"update {DepotLocationsTable.Name} set location = {QueuedSql.Point} where id = ?",
            e.Data.Location.Lon, e.Data.Location.Lat, e.Data.DepotId);

    public void Project(IEvent<DepotPledged> e, IDocumentOperations ops) =>
        ops.QueueSqlCommand($"update {DepotLocationsTable.Name} set shared = true where id = ?", e.Data.DepotId);

    public void Project(IEvent<DepotWithdrawn> e, IDocumentOperations ops) =>
        ops.QueueSqlCommand($"update {DepotLocationsTable.Name} set shared = false where id = ?", e.Data.DepotId);

    public void Project(IEvent<DepotClosed> e, IDocumentOperations ops) =>
        ops.QueueSqlCommand($"update {DepotLocationsTable.Name} set closed = true where id = ?", e.Data.DepotId);
}
