using Muster.Catalog;
using Muster.Catalog.Defining;
using Muster.Depots;
using Muster.Infrastructure;
using Muster.Spatial;
using Muster.Supplies;
using Muster.Transfers;
using Muster.Transfers.Shipping;
using Muster.Transfers.Starting;

namespace Muster.Tests.Transfers;

/// <summary>Depots, an item, stock lines and transfers in the states the tests start from, and who acts on them.</summary>
public static class Given
{
    public static readonly Guid RedCross = Guid.NewGuid();
    public static readonly Guid Bureau = Guid.NewGuid();
    public static readonly Guid Mine = Guid.NewGuid();
    public static readonly DateTimeOffset Now = new(2026, 11, 29, 8, 0, 0, TimeSpan.Zero);

    public static readonly Actor Logistics = new("l", Role.Logistics, null);
    public static readonly Actor Commander = new("c", Role.Commander, null);
    public static readonly Actor RedCrossPartner = new("rc", Role.Partner, RedCross);
    public static readonly Actor MinePartner = new("m", Role.Partner, Mine);

    public static Depot RedCrossDepot { get; } = Depot("红十字会备灾仓库", RedCross, shared: false);
    public static Depot RedCrossSecondDepot { get; } = Depot("红十字会白龙仓库", RedCross, shared: false);
    public static Depot BureauDepot { get; } = Depot("开元街储备库", Bureau, shared: false);
    public static Depot SharedDepot { get; } = Depot("市应急物资共用库", Bureau, shared: true);
    public static Depot ClosedDepot { get; } = DepotEvolution.Evolve(Depot("旧库", Bureau, shared: false), new DepotClosed(Guid.Empty, "merged"));

    public const string Water = "1020101";

    public static Item WaterItem { get; } = ItemEvolution.Create(new ItemDefined(ItemCode.StreamId(Water), Water, "瓶装饮用水", null, "箱", 1, null, 365), Now);

    public static readonly DateOnly Sooner = new(2027, 3, 31);
    public static readonly DateOnly Later = new(2027, 10, 31);

    /// <summary>30 boxes of water: 10 of lot W-LATE expiring later, 20 of lot W-SOON expiring sooner.</summary>
    public static StockLine WaterAt(Depot depot) =>
        new[]
        {
            Received(depot, "W-LATE", Later, 10),
            Received(depot, "W-SOON", Sooner, 20),
        }.Aggregate((StockLine?)null, (line, e) => StockLineEvolution.Evolve(line, e, Now))!;

    public static StockReceived Received(Depot depot, string lot, DateOnly? expiresOn, int quantity) =>
        new(StockLineId.Of(depot.Id, Water), depot.Id, Water, quantity, lot, expiresOn, StockSource.Procured, null, null);

    public static TransferStock Move(Depot from, Depot to, int quantity = 25) => new(from.Id, to.Id, Water, quantity, "防汛前置");

    /// <summary>A transfer of 25 boxes from <paramref name="from"/> to <paramref name="to"/>, started and reserved at the source.</summary>
    public static (Transfer Transfer, StockLine Source) Reserved(Depot from, Depot to)
    {
        var start = TransferStockDecision.Decide(from, to, WaterItem, WaterAt(from), Move(from, to), Guid.NewGuid(), Logistics).Value!;
        return (TransferEvolution.Create(start.Started, Now), StockLineEvolution.Evolve(WaterAt(from), start.Reserved, Now));
    }

    /// <summary>The same transfer, shipped.</summary>
    public static (Transfer Transfer, StockLine Source) InTransit(Depot from, Depot to)
    {
        var (transfer, source) = Reserved(from, to);
        var shipment = ShipTransferDecision.Decide(new TransferForWriting(transfer, from, to, source), new ShipTransfer(transfer.Id, "晋L·A1234", "王师傅"), Logistics).Value!;
        return (TransferEvolution.Evolve(transfer, shipment.Shipped, Now.AddHours(1)), StockLineEvolution.Evolve(source, shipment.Issued, Now.AddHours(1)));
    }

    public static (string Code, string? Field) ErrorOf<T>(Result<T> result)
    {
        var error = Assert.Single(result.Errors);
        return (error.Code, error.Field);
    }

    private static Depot Depot(string name, Guid agency, bool shared) =>
        DepotEvolution.Create(new DepotRegistered(Guid.NewGuid(), name, null, new GeoPoint(36.57, 111.72), agency, shared), Now);
}
