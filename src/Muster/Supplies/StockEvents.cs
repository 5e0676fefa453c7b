using Muster.Infrastructure.Writing;

namespace Muster.Supplies;

/// <summary>Every stock-line event names its line, depot and item, so a projection can place it without reading anything else.</summary>
public interface IStockLineEvent : IEventOf<StockLine>
{
    Guid StockLineId { get; }
    Guid DepotId { get; }
    string ItemCode { get; }
}

public enum StockSource
{
    Procured,
    Donated,
    Transferred,
}

public enum WriteOffReason
{
    Expired,
    Damaged,
}

public sealed record StockReceived(
    Guid StockLineId, Guid DepotId, string ItemCode, int Quantity, string Lot, DateOnly? ExpiresOn,
    StockSource Source, Guid? TransferId, string? Note) : IStockLineEvent;

public sealed record StockReserved(Guid StockLineId, Guid DepotId, string ItemCode, Guid HolderId, ReservationHolder Holder, int Quantity) : IStockLineEvent;

public sealed record ReservationReleased(Guid StockLineId, Guid DepotId, string ItemCode, Guid HolderId, int Quantity, string Reason) : IStockLineEvent;

/// <summary>Reserved stock leaves the shelf for its holder, taken lot by lot, first-expiring first.</summary>
public sealed record StockIssued(Guid StockLineId, Guid DepotId, string ItemCode, Guid HolderId, int Quantity, IReadOnlyList<LotQuantity> Lots) : IStockLineEvent;

/// <summary>A count found <see cref="Counted"/> of a lot on the shelf, <see cref="Difference"/> from the ledger.</summary>
public sealed record StockCounted(Guid StockLineId, Guid DepotId, string ItemCode, string Lot, int Counted, int Difference, string Reason) : IStockLineEvent;

public sealed record StockWrittenOff(Guid StockLineId, Guid DepotId, string ItemCode, string Lot, int Quantity, WriteOffReason Reason, string? Note) : IStockLineEvent;

/// <summary>A lot will expire soon; said once per lot so the sweep can run any number of times.</summary>
public sealed record LotExpiryWarned(Guid StockLineId, Guid DepotId, string ItemCode, string Lot, DateOnly ExpiresOn, int Quantity) : IStockLineEvent;
