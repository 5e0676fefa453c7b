using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Muster.Requests;

/// <summary>The request document, kept inline so a writer fetches it and a reader sees its own writes.</summary>
public partial class SupplyRequestProjection : SingleStreamProjection<SupplyRequest, Guid>
{
    public static SupplyRequest Create(IEvent<SupplyRequested> e) => SupplyRequestEvolution.Create(e.Data, e.Timestamp);

    public static SupplyRequest Apply(IEvent<SupplyRequestApproved> e, SupplyRequest r) => SupplyRequestEvolution.Evolve(r, e.Data, e.Timestamp);

    public static SupplyRequest Apply(IEvent<SupplyRequestRejected> e, SupplyRequest r) => SupplyRequestEvolution.Evolve(r, e.Data, e.Timestamp);

    public static SupplyRequest Apply(IEvent<SupplyRequestAllocated> e, SupplyRequest r) => SupplyRequestEvolution.Evolve(r, e.Data, e.Timestamp);

    public static SupplyRequest Apply(IEvent<ShipmentDispatched> e, SupplyRequest r) => SupplyRequestEvolution.Evolve(r, e.Data, e.Timestamp);

    public static SupplyRequest Apply(IEvent<DeliveryConfirmed> e, SupplyRequest r) => SupplyRequestEvolution.Evolve(r, e.Data, e.Timestamp);

    public static SupplyRequest Apply(IEvent<SupplyRequestCancelled> e, SupplyRequest r) => SupplyRequestEvolution.Evolve(r, e.Data, e.Timestamp);

    public static SupplyRequest Apply(IEvent<AllocationHoldExpired> e, SupplyRequest r) => SupplyRequestEvolution.Evolve(r, e.Data, e.Timestamp);
}
