using Muster.Agencies.Registering;
using Muster.Spatial;

namespace Muster.Agencies;

/// <summary>An organisation that owns depots, units and experts: the bureau or a partner agency.</summary>
public sealed record Agency(
    Guid Id,
    string Name,
    AgencyKind Kind,
    string? Contact,
    GeoPoint? Headquarters,
    DateTimeOffset RegisteredAt)
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
