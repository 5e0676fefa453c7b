using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Muster.Incidents;

/// <summary>The incident document, kept inline so a commander sees his own writes.</summary>
public partial class IncidentProjection : SingleStreamProjection<Incident, Guid>
{
    public static Incident Create(IEvent<IncidentReported> e) => IncidentEvolution.Create(e.Data, e.Timestamp);

    public static Incident Apply(IEvent<IncidentLevelChanged> e, Incident incident) => IncidentEvolution.Evolve(incident, e.Data, e.Timestamp);

    public static Incident Apply(IEvent<Dispatch.DispatchProposed> e, Incident incident) => IncidentEvolution.Evolve(incident, e.Data, e.Timestamp);

    public static Incident Apply(IEvent<Dispatch.DispatchApproved> e, Incident incident) => IncidentEvolution.Evolve(incident, e.Data, e.Timestamp);

    public static Incident Apply(IEvent<IncidentClosed> e, Incident incident) => IncidentEvolution.Evolve(incident, e.Data, e.Timestamp);
}
