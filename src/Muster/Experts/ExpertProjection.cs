using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Muster.Experts;

/// <summary>The expert document, kept inline so a reader sees its own writes.</summary>
public partial class ExpertProjection : SingleStreamProjection<Expert, Guid>
{
    public static Expert Create(IEvent<ExpertRegistered> registered) => ExpertEvolution.Create(registered.Data, registered.Timestamp);

    public static Expert Apply(ExpertAvailabilityChanged changed, Expert expert) => ExpertEvolution.Evolve(expert, changed);
}

/// <summary>How an expert's state follows from its events; pure, shared by the projection and the handlers.</summary>
public static class ExpertEvolution
{
    public static Expert Create(ExpertRegistered e, DateTimeOffset at) =>
        new(e.ExpertId, e.Name, e.Kind, e.Specialties, e.Contact, e.Location, e.AgencyId, e.OnCall, ExpertAvailability.Available, at);

    public static Expert Evolve(Expert expert, object @event) => @event switch
    {
        ExpertAvailabilityChanged changed => expert with { Availability = changed.To },
        _ => expert,
    };
}
