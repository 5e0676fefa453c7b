using Muster.Catalog;
using Muster.Catalog.Defining;
using Muster.Infrastructure;
using Muster.Requests;
using Muster.Requests.Allocating;
using Muster.Spatial;
using Muster.Supplies;

namespace Muster.Tests.Requests;

/// <summary>Requests in the states the tests start from, the stock they draw on, and who acts.</summary>
public static class Given
{
    public static readonly Guid RedCross = Guid.NewGuid();
    public static readonly Guid MineRescue = Guid.NewGuid();
    public static readonly DateTimeOffset Now = new(2026, 11, 29, 8, 0, 0, TimeSpan.Zero);

    public const string Tent = "1010101";
    public const string Water = "1020101";

    public static readonly Actor Admin = new("a", Role.Admin, null);
    public static readonly Actor Logistics = new("l", Role.Logistics, null);
    public static readonly Actor Commander = new("c", Role.Commander, null);
    public static readonly Actor Partner = new("p", Role.Partner, RedCross);
    public static readonly Actor OtherPartner = new("o", Role.Partner, MineRescue);

    public static readonly IReadOnlyDictionary<string, Item> Items = new Dictionary<string, Item>
    {
        [Tent] = ItemEvolution.Create(new ItemDefined(ItemCode.StreamId(Tent), Tent, "单帐篷", null, "顶", 1, null, null), Now),
        [Water] = ItemEvolution.Create(new ItemDefined(ItemCode.StreamId(Water), Water, "瓶装饮用水", null, "箱", 24, null, 365), Now),
    };

    public static SupplyRequest Requested(params ItemQuantity[] lines) =>
        SupplyRequestEvolution.Create(new SupplyRequested(Guid.NewGuid(), RedCross, lines.Length == 0 ? [new ItemQuantity(Tent, 10)] : lines,
            new GeoPoint(36.56, 111.71), null, SupplyPriority.Urgent, null, null), Now);

    public static SupplyRequest Then(this SupplyRequest request, object @event, DateTimeOffset? at = null) =>
        SupplyRequestEvolution.Evolve(request, @event, at ?? Now);

    public static SupplyRequest Approved(params ItemQuantity[] lines)
    {
        var request = Requested(lines);
        return request.Then(new SupplyRequestApproved(request.Id));
    }

    /// <summary>A stock line of <paramref name="depotId"/> with <paramref name="onHand"/> in one lot, <paramref name="reserved"/> of it held by someone else.</summary>
    public static StockLine Line(Guid depotId, string item, int onHand, int reserved = 0, string lot = "L1", DateOnly? expires = null)
    {
        var id = StockLineId.Of(depotId, item);
        var line = StockLineEvolution.Evolve(null, new StockReceived(id, depotId, item, onHand, lot, expires, StockSource.Procured, null, null), Now);
        return reserved == 0 ? line : StockLineEvolution.Evolve(line, new StockReserved(id, depotId, item, Guid.NewGuid(), ReservationHolder.Transfer, reserved), Now);
    }

    public static StockCandidate Candidate(StockLine line, double meters, Guid? agency = null, bool shared = true) =>
        new(line.Id, line.DepotId, line.ItemCode, line.Available, meters, agency ?? Guid.NewGuid(), shared);

    /// <summary>Applies a decision's request events and its reservations to the lines.</summary>
    public static (SupplyRequest Request, IReadOnlyDictionary<Guid, StockLine?> Lines) Apply(
        SupplyRequest request, IReadOnlyDictionary<Guid, StockLine?> lines, RequestChange change)
    {
        var after = lines.ToDictionary(l => l.Key, l => l.Value);
        foreach (var e in change.StockEvents)
        {
            after[e.StockLineId] = StockLineEvolution.Evolve(after[e.StockLineId], e, Now);
        }

        return (change.RequestEvents.Aggregate(request, (r, e) => r.Then(e)), after);
    }

    public static (string Code, string? Field) ErrorOf<T>(Result<T> result) => (result.Errors.Single().Code, result.Errors.Single().Field);
}
