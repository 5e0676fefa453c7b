using Muster.Infrastructure.Writing;
using Muster.Spatial;

namespace Muster.Depots;

public sealed record DepotRegistered(Guid DepotId, string Name, string? Address, GeoPoint Location, Guid AgencyId, bool Shared) : IEventOf<Depot>;

public sealed record DepotRelocated(Guid DepotId, GeoPoint Location, string? Address) : IEventOf<Depot>;

/// <summary>The depot joins the city's shared pool: partners of every agency may see and draw on it.</summary>
public sealed record DepotPledged(Guid DepotId) : IEventOf<Depot>;

/// <summary>The depot leaves the shared pool and is its agency's own again.</summary>
public sealed record DepotWithdrawn(Guid DepotId) : IEventOf<Depot>;

public sealed record DepotClosed(Guid DepotId, string Reason) : IEventOf<Depot>;
