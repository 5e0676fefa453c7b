using JasperFx.Events;
using Muster.Infrastructure.Writing;
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
    DateTimeOffset RegisteredAt) : IAggregate<Depot>
{
    public static Depot? After(Depot? depot, IEvent e) => (depot, e.Data) switch
    {
        (_, DepotRegistered registered) => DepotEvolution.Create(registered, e.Timestamp),
        (Depot current, var data) => DepotEvolution.Evolve(current, data),
        _ => null,
    };
}

/// <summary>How a depot's state follows from its events; pure.</summary>
public static class DepotEvolution
{
    public static Depot Create(DepotRegistered e, DateTimeOffset at) =>
        new(e.DepotId, e.Name, e.Address, e.Location, e.AgencyId, e.Shared, false, null, at);

    public static Depot Evolve(Depot depot, object @event) => @event switch
    {
        DepotRelocated relocated => depot with { Location = relocated.Location, Address = relocated.Address },
        DepotPledged => depot with { Shared = true },
        DepotWithdrawn => depot with { Shared = false },
        DepotClosed closed => depot with { Closed = true, ClosedReason = closed.Reason },
        _ => depot,
    };
}
