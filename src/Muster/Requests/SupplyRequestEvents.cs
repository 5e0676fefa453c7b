using Muster.Infrastructure.Writing;
using Muster.Spatial;

namespace Muster.Requests;

public sealed record SupplyRequested(
    Guid RequestId, Guid? AgencyId, IReadOnlyList<ItemQuantity> Lines, GeoPoint DeliverTo, Guid? IncidentId,
    SupplyPriority Priority, DateTimeOffset? NeededBy, string? Note) : IEventOf<SupplyRequest>;

public sealed record SupplyRequestApproved(Guid RequestId) : IEventOf<SupplyRequest>;

public sealed record SupplyRequestRejected(Guid RequestId, string Reason) : IEventOf<SupplyRequest>;

/// <summary>
/// Stock was reserved for the request (<see cref="Allocations"/>, added to earlier ones) and this much could not be
/// found (<see cref="Shortfalls"/>, replacing earlier ones). Both may be empty of allocations: nothing was available.
/// </summary>
public sealed record SupplyRequestAllocated(Guid RequestId, IReadOnlyList<AllocatedStock> Allocations, IReadOnlyList<ItemQuantity> Shortfalls) : IEventOf<SupplyRequest>;

/// <summary>Every reservation of the request left its depot (issued, see the stock lines' <c>StockIssued</c>).</summary>
public sealed record ShipmentDispatched(Guid RequestId, string Vehicle, string Driver, DateTimeOffset ExpectedArrival, IReadOnlyList<ShippedStock> Items) : IEventOf<SupplyRequest>;

public sealed record DeliveryConfirmed(Guid RequestId, IReadOnlyList<ItemQuantity> Received, IReadOnlyList<Discrepancy> Discrepancies, string? Note) : IEventOf<SupplyRequest>;

/// <summary>The request was withdrawn before shipping; its reservations were released with it.</summary>
public sealed record SupplyRequestCancelled(Guid RequestId, string Reason) : IEventOf<SupplyRequest>;

/// <summary>
/// The allocation was held longer than the hold time without shipping: its reservations were released and the
/// request is approved again, to be allocated anew.
/// </summary>
public sealed record AllocationHoldExpired(Guid RequestId, DateTimeOffset AllocatedAt, TimeSpan HoldTimeout) : IEventOf<SupplyRequest>;
