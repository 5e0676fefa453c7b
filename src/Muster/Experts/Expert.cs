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
    DateTimeOffset RegisteredAt);

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
