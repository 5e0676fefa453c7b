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
    DateTimeOffset UpdatedAt)
{
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
