using Muster.Spatial;

namespace Muster.Units;

/// <summary>A rescue unit as commanders see it: what it can do, where it is, whether it can go.</summary>
public sealed record RescueUnit(
    Guid Id,
    string Name,
    UnitKind Kind,
    NimsType Type,
    IReadOnlyList<string> Capabilities,
    int CrewSize,
    GeoPoint HomeStation,
    Guid AgencyId,
    UnitStatus Status,
    GeoPoint Location,
    DateTimeOffset? PositionAt,
    bool PositionStale,
    DateTimeOffset RegisteredAt);

public enum UnitKind
{
    FireEngine,
    RescueTeam,
    MineRescueTeam,
    Ambulance,
    HazmatTeam,
    Boat,
    HeavyMachinery,
    Other,
}

/// <summary>NIMS resource typing: Type I is the most capable.</summary>
public enum NimsType
{
    I = 1,
    II = 2,
    III = 3,
    IV = 4,
}

public enum UnitStatus
{
    Available,
    Assigned,
    EnRoute,
    OnScene,
    Returning,
    OutOfService,
}
