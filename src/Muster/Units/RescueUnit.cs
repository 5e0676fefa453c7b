using JasperFx.Events;
using Muster.Infrastructure.Writing;
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
    DateTimeOffset RegisteredAt) : IAggregate<RescueUnit>
{
    /// <summary>The post the unit is moving up to, while it is on its way.</summary>
    public MovingUp? MovingUp { get; init; }

    public static RescueUnit? After(RescueUnit? unit, IEvent e) => (unit, e.Data) switch
    {
        (_, UnitRegistered registered) => UnitEvolution.Create(registered, e.Timestamp),
        (RescueUnit current, var data) => UnitEvolution.Evolve(current, data),
        _ => null,
    };
}

/// <summary>How a unit's state follows from its events; pure, shared by the projection, the write path and time travel.</summary>
public static class UnitEvolution
{
    public static RescueUnit Create(UnitRegistered e, DateTimeOffset at) =>
        new(e.UnitId, e.Name, e.Kind, e.Type, e.Capabilities, e.CrewSize, e.HomeStation, e.AgencyId,
            UnitStatus.Available, e.HomeStation, null, false, at);

    public static RescueUnit Evolve(RescueUnit unit, object @event) => @event switch
    {
        UnitStatusChanged changed => unit with { Status = changed.To, MovingUp = changed.To == UnitStatus.EnRoute ? unit.MovingUp : null },
        UnitMovingUp moving => unit with
        {
            MovingUp = new MovingUp(moving.MoveUpId, moving.PostId, moving.PostName, moving.Post, moving.ExpectedAt.AddSeconds(-moving.EtaSeconds), moving.ExpectedAt),
        },
        UnitArrivedAtPost arrived when unit.PositionAt is null || arrived.At >= unit.PositionAt =>
            unit with { Location = arrived.Post, PositionAt = arrived.At, PositionStale = false, MovingUp = null },
        UnitArrivedAtPost => unit with { MovingUp = null },
        UnitCapabilitiesChanged changed => unit with { Capabilities = changed.To },
        UnitPositionReported reported when unit.PositionAt is null || reported.At > unit.PositionAt =>
            unit with { Location = reported.Location, PositionAt = reported.At, PositionStale = false },
        UnitPositionWentStale => unit with { PositionStale = true },
        _ => unit,
    };
}

/// <summary>Where a unit moving up is going, and when it is expected there.</summary>
public sealed record MovingUp(Guid MoveUpId, string PostId, string PostName, GeoPoint Post, DateTimeOffset Since, DateTimeOffset ExpectedAt);

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
