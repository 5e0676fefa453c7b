using Muster.Infrastructure.Writing;
using Muster.Spatial;

namespace Muster.Units;

public sealed record UnitRegistered(
    Guid UnitId,
    string Name,
    UnitKind Kind,
    NimsType Type,
    IReadOnlyList<string> Capabilities,
    int CrewSize,
    GeoPoint HomeStation,
    Guid AgencyId) : IEventOf<RescueUnit>;

public sealed record UnitStatusChanged(Guid UnitId, UnitStatus From, UnitStatus To, string? Reason) : IEventOf<RescueUnit>;

/// <summary>An AVL report; <paramref name="At"/> is the device's time, which may be older than the last known one.</summary>
public sealed record UnitPositionReported(Guid UnitId, GeoPoint Location, DateTimeOffset At) : IEventOf<RescueUnit>;

/// <summary>No position has come for longer than the configured age.</summary>
public sealed record UnitPositionWentStale(Guid UnitId, DateTimeOffset LastPositionAt) : IEventOf<RescueUnit>;

/// <summary>The unit's capability tags were corrected: <paramref name="To"/> replaces <paramref name="From"/>.</summary>
public sealed record UnitCapabilitiesChanged(Guid UnitId, IReadOnlyList<string> From, IReadOnlyList<string> To) : IEventOf<RescueUnit>;

/// <summary>A move-up was approved: the unit drives to a post to cover what others left, expected there at <paramref name="ExpectedAt"/>.</summary>
public sealed record UnitMovingUp(Guid UnitId, Guid MoveUpId, string PostId, string PostName, GeoPoint Post, int EtaSeconds, DateTimeOffset ExpectedAt) : IEventOf<RescueUnit>;

/// <summary>The unit is at its move-up post (its expected time came, or it reported a position there); it stands there from now on.</summary>
public sealed record UnitArrivedAtPost(Guid UnitId, Guid MoveUpId, string PostId, GeoPoint Post, DateTimeOffset At) : IEventOf<RescueUnit>;
