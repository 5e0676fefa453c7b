using Muster.Api.Tests.Support;
using static Muster.Api.Tests.Support.StockCalls;

namespace Muster.Api.Tests.Supplies;

public sealed class CloseDepotWithStockTests(DepotsAndCatalog given) : IClassFixture<DepotsAndCatalog>
{
    private MusterApp App => given.App;

    [Fact]
    public async Task A_depot_closes_only_once_its_stock_is_written_off_or_counted_away()
    {
        var depot = await DepotCalls.RegisterAsync(App, given.Bureau, "辛置镇临时储备点", 36.52, 111.70);
        await StockAsync(App, depot, DepotsAndCatalog.Tent, 12, "T-1");
        await StockAsync(App, depot, DepotsAndCatalog.Water, 5, "W-1", "2030-01-01");
        var close = new { depotId = depot, reason = "并入市级库" };

        var refused = await DepotCalls.ChangeAsync(App, DepotCalls.Close, close, App.Token("logistics"));
        await WriteOffAsync(App, depot, DepotsAndCatalog.Tent, "T-1", 12, "DAMAGED", "撤点时清点报废");
        var stillRefused = await DepotCalls.ChangeAsync(App, DepotCalls.Close, close, App.Token("logistics"));
        await AdjustAsync(App, depot, DepotsAndCatalog.Water, "W-1", 0, "撤点盘点：已全部发放");
        var closed = await DepotCalls.ChangeAsync(App, DepotCalls.Close, close, App.Token("logistics"));

        Assert.Equal(("INVALID_STATE", "INVALID_STATE"), (DepotCalls.ErrorCode(refused), DepotCalls.ErrorCode(stillRefused)));
        Assert.Empty(closed["errors"]!.AsArray());
        Assert.True(closed["depot"]!["closed"]!.GetValue<bool>());
    }
}
