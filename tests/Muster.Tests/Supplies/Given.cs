using Muster.Catalog;
using Muster.Catalog.Defining;
using Muster.Depots;
using Muster.Infrastructure;
using Muster.Supplies;

namespace Muster.Tests.Supplies;

/// <summary>A depot, an item, and stock lines built from their events, as the stock tests start from them.</summary>
public static class Given
{
    public static readonly DateOnly Today = new(2026, 11, 29);
    public static readonly DateTimeOffset Now = new(2026, 11, 29, 8, 0, 0, TimeSpan.Zero);

    public static Depot Depot => Muster.Tests.Depots.Given.PrivateDepot;
    public static Actor Logistics => Muster.Tests.Depots.Given.Logistics;
    public static Actor Partner => Muster.Tests.Depots.Given.Partner;
    public static Actor OtherPartner => Muster.Tests.Depots.Given.OtherPartner;

    public const string Water = "1020101";

    public static readonly Item WaterItem = ItemEvolution.Create(
        new ItemDefined(ItemCode.StreamId(Water), Water, "瓶装饮用水", "Bottled water", "箱", 24, null, 365), Now);

    /// <summary>The water line of <see cref="Depot"/> after these events, in order.</summary>
    public static StockLine Line(params Func<StockLine?, IStockLineEvent>[] events) =>
        events.Aggregate((StockLine?)null, (line, next) => StockLineEvolution.Evolve(line, next(line), Now))!;

    public static Func<StockLine?, IStockLineEvent> Received(int quantity, string lot, DateOnly? expiresOn = null) =>
        _ => new StockReceived(LineId, Depot.Id, Water, quantity, lot, expiresOn, StockSource.Procured, null, null);

    public static Func<StockLine?, IStockLineEvent> Reserved(int quantity, Guid? holder = null) =>
        _ => new StockReserved(LineId, Depot.Id, Water, holder ?? Guid.NewGuid(), ReservationHolder.SupplyRequest, quantity);

    public static Guid LineId => StockLineId.Of(Depot.Id, Water);

    public static (string Code, string? Field) ErrorOf<T>(Result<T> result) => Muster.Tests.Depots.Given.ErrorOf(result);
}
