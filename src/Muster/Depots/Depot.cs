using Muster.Spatial;

namespace Muster.Depots;

/// <summary>
/// A depot (物资储备库) as logistics staff see it: where it is, whose it is, and whether it is pledged to the
/// city's shared pool (物资共用). A closed depot stays on record but takes part in nothing.
/// </summary>
public sealed record Depot(
    Guid Id,
    string Name,
    string? Address,
    GeoPoint Location,
    Guid AgencyId,
    bool Shared,
    bool Closed,
    string? ClosedReason,
    DateTimeOffset RegisteredAt);
