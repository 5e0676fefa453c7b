using Muster.Infrastructure;

namespace Muster.Supplies;

/// <summary>
/// One item in one depot (a stock line, its own event stream): the lots on the shelf and the reservations held
/// against them. <see cref="Available"/> is what may still be reserved; issuing takes first-expiring lots first (FEFO).
/// </summary>
public sealed record StockLine(
    Guid Id,
    Guid DepotId,
    string ItemCode,
    IReadOnlyList<LotBalance> Lots,
    IReadOnlyList<Reservation> Reservations,
    IReadOnlyList<string> WarnedLots,
    DateTimeOffset UpdatedAt)
{
    public int OnHand => Lots.Sum(l => l.Quantity);
    public int Reserved => Reservations.Sum(r => r.Quantity);
    public int Available => OnHand - Reserved;

    /// <summary>The earliest expiry of a lot on the shelf; kept on the document so expiry queries use an index.</summary>
    public DateOnly? EarliestExpiry => Lots.Where(l => l.ExpiresOn is not null).Min(l => l.ExpiresOn);

    public static StockLine Empty(Guid depotId, string itemCode, DateTimeOffset at) =>
        new(StockLineId.Of(depotId, itemCode), depotId, itemCode, [], [], [], at);

    public LotBalance? Lot(string lot) => Lots.FirstOrDefault(l => l.Lot == lot);

    public int ReservedFor(Guid holder) => Reservations.Where(r => r.HolderId == holder).Sum(r => r.Quantity);
}

/// <summary>How much of one lot is on the shelf, and when it expires (null: it does not).</summary>
public sealed record LotBalance(string Lot, DateOnly? ExpiresOn, int Quantity);

/// <summary>Stock promised to a supply request or a transfer, not yet issued.</summary>
public sealed record Reservation(Guid HolderId, ReservationHolder Holder, int Quantity);

public enum ReservationHolder
{
    SupplyRequest,
    Transfer,
}

/// <summary>A quantity taken from, or put into, one lot.</summary>
public sealed record LotQuantity(string Lot, DateOnly? ExpiresOn, int Quantity);

/// <summary>The stream id of a stock line: a name-based UUID of (depot, item), so it exists before its first event.</summary>
public static class StockLineId
{
    private static readonly Guid Namespace = new("0b8e6f7a-3c2d-5e1f-9a4b-7c6d5e4f3a2b");

    public static Guid Of(Guid depotId, string itemCode) => NameBasedId.Create(Namespace, $"{depotId:N}/{itemCode}");
}
