using JasperFx.Events;
using Muster.Infrastructure.Writing;
using Muster.Spatial;

namespace Muster.Requests;

/// <summary>
/// A request for supplies (物资申请), from a partner agency or the bureau, on its way from the asking to the
/// delivery: what is wanted where, what was allocated from which depot, what is still missing, what was
/// shipped and what arrived. One stream a request.
/// </summary>
public sealed record SupplyRequest(
    Guid Id,
    Guid? AgencyId,
    IReadOnlyList<ItemQuantity> Lines,
    GeoPoint DeliverTo,
    Guid? IncidentId,
    SupplyPriority Priority,
    DateTimeOffset? NeededBy,
    string? Note,
    SupplyRequestStatus Status,
    IReadOnlyList<AllocatedStock> Allocations,
    IReadOnlyList<ItemQuantity> Shortfalls,
    Shipment? Shipment,
    IReadOnlyList<ItemQuantity> Received,
    IReadOnlyList<Discrepancy> Discrepancies,
    string? DecisionReason,
    DateTimeOffset RequestedAt,
    DateTimeOffset? AllocatedAt,
    DateTimeOffset? DeliveredAt,
    DateTimeOffset UpdatedAt) : IAggregate<SupplyRequest>
{
    public static SupplyRequest? After(SupplyRequest? request, IEvent e) => (request, e.Data) switch
    {
        (_, SupplyRequested requested) => SupplyRequestEvolution.Create(requested, e.Timestamp),
        (SupplyRequest current, var data) => SupplyRequestEvolution.Evolve(current, data, e.Timestamp),
        _ => null,
    };

    /// <summary>How much of an item the allocations hold so far.</summary>
    public int AllocatedOf(string itemCode) => Allocations.Where(a => a.ItemCode == itemCode).Sum(a => a.Quantity);

    /// <summary>What each line still lacks, in line order; lines already covered left out.</summary>
    public IReadOnlyList<ItemQuantity> Missing() =>
        Lines.Select(l => l with { Quantity = l.Quantity - AllocatedOf(l.ItemCode) }).Where(l => l.Quantity > 0).ToList();

    /// <summary>The stock lines that hold reservations for this request, in the stable order writers take them.</summary>
    public IReadOnlyList<Guid> ReservedLines() => Allocations.Select(a => a.StockLineId).Distinct().Order().ToList();

    public bool HoldsStock => Status is SupplyRequestStatus.Allocated or SupplyRequestStatus.PartiallyAllocated;
}

public enum SupplyRequestStatus
{
    Requested,
    Approved,
    Allocated,
    PartiallyAllocated,
    InTransit,
    Delivered,
    Rejected,
    Cancelled,
}

public enum SupplyPriority
{
    Urgent,
    High,
    Normal,
    Low,
}

/// <summary>A quantity of one item: a requested line, a shortfall, a received count.</summary>
public sealed record ItemQuantity(string ItemCode, int Quantity);

/// <summary>Stock reserved for the request on one depot's stock line, and how far that depot is from the delivery point.</summary>
public sealed record AllocatedStock(Guid StockLineId, Guid DepotId, string ItemCode, int Quantity, double DistanceMeters);

/// <summary>The shipment on its way: who drives what, when it left, when it should arrive, and what left which depot.</summary>
public sealed record Shipment(string Vehicle, string Driver, DateTimeOffset ExpectedArrival, DateTimeOffset DispatchedAt, IReadOnlyList<ShippedStock> Items);

/// <summary>What left one depot's stock line, lot by lot (first-expiring first).</summary>
public sealed record ShippedStock(Guid DepotId, string ItemCode, int Quantity, IReadOnlyList<Supplies.LotQuantity> Lots);

/// <summary>An item that arrived short: shipped, and what was counted on arrival.</summary>
public sealed record Discrepancy(string ItemCode, int Shipped, int Received);

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
