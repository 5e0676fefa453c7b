using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using Muster.Spatial;

namespace Muster.Units.Locating;

/// <summary>
/// Keeps <see cref="UnitLocationsTable"/> in the same transaction as the unit's events (inline), and can
/// rebuild it from them. An older AVL report does not move the row, as it does not move the unit.
/// </summary>
#pragma warning disable CA1822 // Marten finds the Project methods on the projection instance.
public partial class UnitLocationsProjection : EventProjection
{
    public UnitLocationsProjection()
    {
        SchemaObjects.Add(UnitLocationsTable.Define());
        Options.DeleteDataInTableOnTeardown(UnitLocationsTable.Name);
    }

    public void Project(IEvent<UnitRegistered> e, IDocumentOperations ops) =>
        ops.QueueSqlCommand(
            $"insert into {UnitLocationsTable.Name} (id, agency_id, kind, status, capabilities, location, position_at) " +
            $"values (?, ?, ?, ?, ?, {QueuedSql.Point}, null) on conflict (id) do nothing",
            e.Data.UnitId, e.Data.AgencyId, e.Data.Kind.ToString(), nameof(UnitStatus.Available),
            e.Data.Capabilities.ToArray(), e.Data.HomeStation.Lon, e.Data.HomeStation.Lat);

    public void Project(IEvent<UnitStatusChanged> e, IDocumentOperations ops) =>
        ops.QueueSqlCommand($"update {UnitLocationsTable.Name} set status = ? where id = ?", e.Data.To.ToString(), e.Data.UnitId);

    public void Project(IEvent<UnitCapabilitiesChanged> e, IDocumentOperations ops) =>
        ops.QueueSqlCommand($"update {UnitLocationsTable.Name} set capabilities = ? where id = ?", e.Data.To.ToArray(), e.Data.UnitId);

    public void Project(IEvent<UnitPositionReported> e, IDocumentOperations ops) =>
        ops.QueueSqlCommand(
            $"update {UnitLocationsTable.Name} set location = {QueuedSql.Point}, position_at = ? " +
            "where id = ? and (position_at is null or position_at < ?)",
            e.Data.Location.Lon, e.Data.Location.Lat, e.Data.At, e.Data.UnitId, e.Data.At);

    public void Project(IEvent<UnitArrivedAtPost> e, IDocumentOperations ops) =>
        ops.QueueSqlCommand(
            $"update {UnitLocationsTable.Name} set location = {QueuedSql.Point}, position_at = ? " +
            "where id = ? and (position_at is null or position_at <= ?)",
            e.Data.Post.Lon, e.Data.Post.Lat, e.Data.At, e.Data.UnitId, e.Data.At);
}
