using JasperFx.Events;
using Muster.Infrastructure.Writing;
using Muster.Spatial;

namespace Muster.Agencies;

/// <summary>An organisation that owns depots, units and experts: the bureau or a partner agency.</summary>
public sealed record Agency(
    Guid Id,
    string Name,
    AgencyKind Kind,
    string? Contact,
    GeoPoint? Headquarters,
    DateTimeOffset RegisteredAt) : IAggregate<Agency>
{
    public static Agency? After(Agency? agency, IEvent e) =>
        e.Data is AgencyRegistered registered ? AgencyEvolution.Create(registered, e.Timestamp) : agency;
}

/// <summary>How an agency follows from its events; pure.</summary>
public static class AgencyEvolution
{
    public static Agency Create(AgencyRegistered registered, DateTimeOffset at) =>
        new(registered.AgencyId, registered.Name, registered.Kind, registered.Contact, registered.Headquarters, at);
}

public enum AgencyKind
{
    Bureau,
    FireRescue,
    MineRescue,
    Medical,
    RedCross,
    Township,
    Enterprise,
    Other,
}
