using JasperFx.Events;
using Muster.Infrastructure;
using Muster.Infrastructure.Writing;

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
    DateTimeOffset UpdatedAt) : IAggregate<StockLine>
{
    public static StockLine? After(StockLine? line, IEvent e) =>
        e.Data is IStockLineEvent stock ? StockLineEvolution.Evolve(line, stock, e.Timestamp) : line;

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

/// <summary>How a stock line follows from its events; pure.</summary>
public static class StockLineEvolution
{
    public static StockLine Evolve(StockLine? line, IStockLineEvent @event, DateTimeOffset at)
    {
        var current = line ?? StockLine.Empty(@event.DepotId, @event.ItemCode, at);
        return ForgetWarningsOfLotsGone(@event switch
        {
            StockReceived e => current with { Lots = Receive(current.Lots, e), UpdatedAt = at },
            StockReserved e => current with
            {
                Reservations = [.. current.Reservations, new Reservation(e.HolderId, e.Holder, e.Quantity)],
                UpdatedAt = at,
            },
            ReservationReleased e => current with { Reservations = Consume(current.Reservations, e.HolderId, e.Quantity), UpdatedAt = at },
            StockIssued e => current with
            {
                Lots = Take(current.Lots, e.Lots),
                Reservations = Consume(current.Reservations, e.HolderId, e.Quantity),
                UpdatedAt = at,
            },
            StockCounted e => current with { Lots = SetLot(current.Lots, e.Lot, e.Counted), UpdatedAt = at },
            StockWrittenOff e => current with { Lots = SetLot(current.Lots, e.Lot, (current.Lot(e.Lot)?.Quantity ?? 0) - e.Quantity), UpdatedAt = at },
            LotExpiryWarned e => current with { WarnedLots = [.. current.WarnedLots, e.Lot] },
            _ => current,
        });
    }

    /// <summary>
    /// A warning belongs to a lot while it is on the shelf: once the lot is gone, a later receipt under the same lot
    /// number (with its own expiry) is warned of again.
    /// </summary>
    private static StockLine ForgetWarningsOfLotsGone(StockLine line) =>
        line.WarnedLots.All(w => line.Lot(w) is not null) ? line : line with { WarnedLots = line.WarnedLots.Where(w => line.Lot(w) is not null).ToList() };

    /// <summary>
    /// The lots to issue <paramref name="quantity"/> from, first-expiring first (a lot without expiry last, then by
    /// name); lots already expired on <paramref name="today"/> go only when the others do not cover the quantity.
    /// Null when the shelf holds less.
    /// </summary>
    public static IReadOnlyList<LotQuantity>? FirstExpiringFirst(StockLine line, int quantity, DateOnly? today = null)
    {
        var picked = new List<LotQuantity>();
        var left = quantity;
        var order = line.Lots
            .OrderBy(l => today is { } day && l.ExpiresOn <= day)
            .ThenBy(l => l.ExpiresOn ?? DateOnly.MaxValue)
            .ThenBy(l => l.Lot, StringComparer.Ordinal);
        foreach (var lot in order)
        {
            if (left == 0)
            {
                break;
            }

            var take = Math.Min(left, lot.Quantity);
            picked.Add(new LotQuantity(lot.Lot, lot.ExpiresOn, take));
            left -= take;
        }

        return left == 0 ? picked : null;
    }

    private static IReadOnlyList<LotBalance> Receive(IReadOnlyList<LotBalance> lots, StockReceived e) =>
        lots.Any(l => l.Lot == e.Lot)
            ? lots.Select(l => l.Lot == e.Lot ? l with { Quantity = l.Quantity + e.Quantity } : l).ToList()
            : [.. lots, new LotBalance(e.Lot, e.ExpiresOn, e.Quantity)];

    private static IReadOnlyList<LotBalance> Take(IReadOnlyList<LotBalance> lots, IReadOnlyList<LotQuantity> taken) =>
        taken.Aggregate(lots, (current, t) => SetLot(current, t.Lot, (current.FirstOrDefault(l => l.Lot == t.Lot)?.Quantity ?? 0) - t.Quantity));

    /// <summary>The lot at its new quantity; an empty lot leaves the shelf.</summary>
    private static IReadOnlyList<LotBalance> SetLot(IReadOnlyList<LotBalance> lots, string lot, int quantity) =>
        lots.Select(l => l.Lot == lot ? l with { Quantity = quantity } : l).Where(l => l.Quantity > 0).ToList();

    private static IReadOnlyList<Reservation> Consume(IReadOnlyList<Reservation> reservations, Guid holder, int quantity)
    {
        var result = new List<Reservation>();
        var left = quantity;
        foreach (var r in reservations)
        {
            if (r.HolderId != holder || left == 0)
            {
                result.Add(r);
                continue;
            }

            var take = Math.Min(left, r.Quantity);
            left -= take;
            if (r.Quantity > take)
            {
                result.Add(r with { Quantity = r.Quantity - take });
            }
        }

        return result;
    }
}
