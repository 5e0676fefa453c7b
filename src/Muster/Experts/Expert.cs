using JasperFx.Events;
using Muster.Infrastructure.Writing;
using Muster.Spatial;

namespace Muster.Experts;

/// <summary>
/// An expert or a team of experts (mine ventilation, geology, hazardous chemicals, …) as commanders see it:
/// what they know, where they are based, how to reach them, and whether they can come.
/// </summary>
public sealed record Expert(
    Guid Id,
    string Name,
    ExpertKind Kind,
    IReadOnlyList<string> Specialties,
    string Contact,
    GeoPoint Location,
    Guid AgencyId,
    OnCallHours? OnCall,
    ExpertAvailability Availability,
    DateTimeOffset RegisteredAt) : IAggregate<Expert>
{
    public static Expert? After(Expert? expert, IEvent e) => (expert, e.Data) switch
    {
        (_, ExpertRegistered registered) => ExpertEvolution.Create(registered, e.Timestamp),
        (Expert current, var data) => ExpertEvolution.Evolve(current, data),
        _ => null,
    };
}

/// <summary>How an expert's state follows from its events; pure, shared by the projection and the write path.</summary>
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

public enum ExpertKind
{
    Person,
    Team,
}

public enum ExpertAvailability
{
    Available,
    Engaged,
    OffDuty,
}
