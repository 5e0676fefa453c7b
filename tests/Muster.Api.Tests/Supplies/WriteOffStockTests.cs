using Muster.Api.Tests.Support;
using static Muster.Api.Tests.Support.StockCalls;

namespace Muster.Api.Tests.Supplies;

public sealed class WriteOffStockTests(DepotsAndCatalog given) : IClassFixture<DepotsAndCatalog>
{
    private MusterApp App => given.App;

    [Fact]
    public async Task Damaged_stock_leaves_the_shelf_with_its_reason_and_note()
    {
        var item = await NewItemAsync(App);
        await StockAsync(App, given.SharedDepot, item, 50, "D-1", "2030-06-30");

        var payload = await WriteOffAsync(App, given.SharedDepot, item, "D-1", 12, "DAMAGED", "仓库漏雨，受潮霉变");
        var entry = (await LedgerAsync(App, given.SharedDepot, item))![^1]!;

        Assert.Empty(payload["errors"]!.AsArray());
        Assert.Equal(38, Number(payload["stockLevel"], "onHand"));
        Assert.Equal(("WRITTEN_OFF", -12, "DAMAGED", "仓库漏雨，受潮霉变", 38),
            (entry["kind"]!.GetValue<string>(), Number(entry, "quantity"), entry["reason"]!.GetValue<string>(), entry["note"]!.GetValue<string>(), Number(entry, "onHandAfter")));
        Assert.Equal(-12, Number(entry["lots"]![0], "quantity"));
    }

    [Fact]
    public async Task Reserved_stock_is_not_written_off()
    {
        var item = await NewItemAsync(App);
        await StockAsync(App, given.SharedDepot, item, 20, "D-1");
        await ReserveAsync(App, given.SharedDepot, item, 15);

        var refused = await WriteOffAsync(App, given.SharedDepot, item, "D-1", 6);
        var allowed = await WriteOffAsync(App, given.SharedDepot, item, "D-1", 5, "EXPIRED");

        Assert.Equal("INSUFFICIENT_STOCK", ErrorCode(refused));
        Assert.Equal((15, 15, 0), (Number(allowed["stockLevel"], "onHand"), Number(allowed["stockLevel"], "reserved"), Number(allowed["stockLevel"], "available")));
    }

    [Theory]
    [InlineData("D-1", 0, "VALIDATION", "quantity")]
    [InlineData("D-1", 11, "INSUFFICIENT_STOCK", "quantity")]
    [InlineData("D-9", 1, "NOT_FOUND", "lot")]
    public async Task Bad_write_offs_are_refused_and_change_nothing(string lot, int quantity, string code, string field)
    {
        var item = await NewItemAsync(App);
        await StockAsync(App, given.SharedDepot, item, 10, "D-1");

        var payload = await WriteOffAsync(App, given.SharedDepot, item, lot, quantity);

        Assert.Equal((code, field), (ErrorCode(payload), payload["errors"]![0]!["field"]!.GetValue<string>()));
        Assert.Equal(10, Number((await LevelsAsync(App, item, given.SharedDepot))[0], "onHand"));
    }

    [Fact]
    public async Task An_id_that_is_not_a_depots_is_not_found()
    {
        var payload = await WriteOffAsync(App, given.Bureau, DepotsAndCatalog.Tent, "D-1", 1);

        Assert.Equal(("NOT_FOUND", "depotId"), (ErrorCode(payload), payload["errors"]![0]!["field"]!.GetValue<string>()));
    }
}
