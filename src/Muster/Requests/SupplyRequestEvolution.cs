namespace Muster.Requests;

/// <summary>How a request follows from its events; pure.</summary>
public static class SupplyRequestEvolution
{
    public static SupplyRequest Create(SupplyRequested e, DateTimeOffset at) =>
        new(e.RequestId, e.AgencyId, e.Lines, e.DeliverTo, e.IncidentId, e.Priority, e.NeededBy, e.Note,
            SupplyRequestStatus.Requested, [], [], null, [], [], null, at, null, null, at);

    public static SupplyRequest Evolve(SupplyRequest request, object @event, DateTimeOffset at)
    {
        var r = request with { UpdatedAt = at };
        return @event switch
        {
            SupplyRequestApproved => r with { Status = SupplyRequestStatus.Approved },
            SupplyRequestRejected e => r with { Status = SupplyRequestStatus.Rejected, DecisionReason = e.Reason },
            SupplyRequestAllocated e => Allocated(r, e, at),
            ShipmentDispatched e => r with
            {
                Status = SupplyRequestStatus.InTransit,
                Shipment = new Shipment(e.Vehicle, e.Driver, e.ExpectedArrival, at, e.Items),
            },
            DeliveryConfirmed e => r with
            {
                Status = SupplyRequestStatus.Delivered, Received = e.Received, Discrepancies = e.Discrepancies, DeliveredAt = at,
            },
            SupplyRequestCancelled e => r with
            {
                Status = SupplyRequestStatus.Cancelled, DecisionReason = e.Reason, Allocations = [], Shortfalls = [], AllocatedAt = null,
            },
            AllocationHoldExpired => r with { Status = SupplyRequestStatus.Approved, Allocations = [], Shortfalls = [], AllocatedAt = null },
            _ => request,
        };
    }

    /// <summary>New reservations join the earlier ones (one entry a stock line); the shortfalls are what is still missing now.</summary>
    private static SupplyRequest Allocated(SupplyRequest request, SupplyRequestAllocated e, DateTimeOffset at)
    {
        var allocations = request.Allocations.Concat(e.Allocations)
            .GroupBy(a => a.StockLineId)
            .Select(g => g.First() with { Quantity = g.Sum(a => a.Quantity) })
            .ToList();
        var status = e.Shortfalls.Count == 0 ? SupplyRequestStatus.Allocated
            : allocations.Count > 0 ? SupplyRequestStatus.PartiallyAllocated
            : SupplyRequestStatus.Approved;
        return request with
        {
            Allocations = allocations,
            Shortfalls = e.Shortfalls,
            Status = status,
            AllocatedAt = allocations.Count > 0 ? request.AllocatedAt ?? at : null,
        };
    }
}
