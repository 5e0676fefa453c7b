using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Muster.Depots;

/// <summary>The depot document, kept inline so a reader sees its own writes.</summary>
public partial class DepotProjection : SingleStreamProjection<Depot, Guid>
{
    public static Depot Create(IEvent<DepotRegistered> registered) => DepotEvolution.Create(registered.Data, registered.Timestamp);

    public static Depot Apply(DepotRelocated relocated, Depot depot) => DepotEvolution.Evolve(depot, relocated);

    public static Depot Apply(DepotPledged pledged, Depot depot) => DepotEvolution.Evolve(depot, pledged);

    public static Depot Apply(DepotWithdrawn withdrawn, Depot depot) => DepotEvolution.Evolve(depot, withdrawn);

    public static Depot Apply(DepotClosed closed, Depot depot) => DepotEvolution.Evolve(depot, closed);
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
