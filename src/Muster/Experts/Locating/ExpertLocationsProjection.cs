using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using Muster.Spatial;

namespace Muster.Experts.Locating;

/// <summary>Keeps <see cref="ExpertLocationsTable"/> in the same transaction as the expert's events (inline), and can rebuild it from them.</summary>
#pragma warning disable CA1822 // Marten finds the Project methods on the projection instance.
public partial class ExpertLocationsProjection : EventProjection
{
    public ExpertLocationsProjection()
    {
        SchemaObjects.Add(ExpertLocationsTable.Define());
        Options.DeleteDataInTableOnTeardown(ExpertLocationsTable.Name);
    }

    public void Project(IEvent<ExpertRegistered> e, IDocumentOperations ops) =>
        ops.QueueSqlCommand(
            $"insert into {ExpertLocationsTable.Name} (id, agency_id, availability, specialties, location) " +
            $"values (?, ?, ?, ?, {QueuedSql.Point}) on conflict (id) do nothing",
            e.Data.ExpertId, e.Data.AgencyId, nameof(ExpertAvailability.Available), e.Data.Specialties.ToArray(), e.Data.Location.Lon, e.Data.Location.Lat);

    public void Project(IEvent<ExpertAvailabilityChanged> e, IDocumentOperations ops) =>
        ops.QueueSqlCommand($"update {ExpertLocationsTable.Name} set availability = ? where id = ?", e.Data.To.ToString(), e.Data.ExpertId);
}
