using Muster.Spatial;

namespace Muster.Depots;

public sealed record DepotRegistered(Guid DepotId, string Name, string? Address, GeoPoint Location, Guid AgencyId, bool Shared);

public sealed record DepotRelocated(Guid DepotId, GeoPoint Location, string? Address);

/// <summary>The depot joins the city's shared pool: partners of every agency may see and draw on it.</summary>
public sealed record DepotPledged(Guid DepotId);

/// <summary>The depot leaves the shared pool and is its agency's own again.</summary>
public sealed record DepotWithdrawn(Guid DepotId);

public sealed record DepotClosed(Guid DepotId, string Reason);
