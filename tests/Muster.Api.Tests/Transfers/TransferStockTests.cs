using Muster.Api.Tests.Supplies;
using Muster.Api.Tests.Support;

namespace Muster.Api.Tests.Transfers;

public sealed class TransferStockTests(DepotsAndCatalog given) : IClassFixture<DepotsAndCatalog>
{
    private MusterApp App => given.App;

    [Fact]
    public async Task A_transfer_reserves_its_quantity_at_the_source_and_starts_reserved()
    {
        var (from, to) = await Scene.StockedPairAsync(given);

        var transfer = await TransferCalls.StartedAsync(App, from, to, Scene.Water, 25, "防汛前置");

        Assert.Equal(("RESERVED", from, to, 25, "防汛前置"), (transfer["status"]!.GetValue<string>(), transfer["from"]!["id"]!.GetValue<string>(),
            transfer["to"]!["id"]!.GetValue<string>(), transfer["quantity"]!.GetValue<int>(), transfer["note"]!.GetValue<string>()));
        Assert.Equal(Scene.Water, transfer["item"]!["code"]!.GetValue<string>());
        Assert.Empty(transfer["lots"]!.AsArray());
        Assert.Equal((30, 25, 5, 0), await Scene.CountsAsync(App, from));
        Assert.Equal((0, 0, 0, 0), await Scene.CountsAsync(App, to));
    }

    [Theory]
    [InlineData("zero", "VALIDATION", "quantity")]
    [InlineData("too-many-for-any-movement", "VALIDATION", "quantity")]
    [InlineData("same-depot", "VALIDATION", "toDepotId")]
    [InlineData("malformed-code", "VALIDATION", "itemCode")]
    [InlineData("unknown-item", "NOT_FOUND", "itemCode")]
    [InlineData("unknown-source", "NOT_FOUND", "fromDepotId")]
    [InlineData("unit-id-as-destination", "NOT_FOUND", "toDepotId")]
    [InlineData("more-than-available", "INSUFFICIENT_STOCK", "quantity")]
    [InlineData("closed-destination", "INVALID_STATE", "toDepotId")]
    public async Task Bad_transfers_are_refused_with_their_code_and_reserve_nothing(string fault, string code, string field)
    {
        var (from, to) = await Scene.StockedPairAsync(given);
        if (fault == "closed-destination")
        {
            Assert.Null(DepotCalls.ErrorCode(await DepotCalls.ChangeAsync(App, DepotCalls.Close, new { depotId = to, reason = "并库" }, App.Token("logistics"))));
        }

        var (source, destination, item, quantity) = fault switch
        {
            "zero" => (from, to, Scene.Water, 0),
            "too-many-for-any-movement" => (from, to, Scene.Water, 1_000_001),
            "same-depot" => (from, from, Scene.Water, 5),
            "malformed-code" => (from, to, "10201", 5),
            "unknown-item" => (from, to, "1029999", 5),
            "unknown-source" => (Ids.Unknown("Depot"), to, Scene.Water, 5),
            "unit-id-as-destination" => (from, Ids.Unknown("RescueUnit"), Scene.Water, 5),
            "more-than-available" => (from, to, Scene.Water, 31),
            _ => (from, to, Scene.Water, 5),
        };

        var payload = await TransferCalls.StartAsync(App, source, destination, item, quantity);

        Assert.Equal((code, field), (TransferCalls.ErrorCode(payload), TransferCalls.ErrorField(payload)));
        Assert.Null(payload["transfer"]);
        Assert.Equal((30, 0, 30, 0), await Scene.CountsAsync(App, from));
        Assert.Equal(0, (await TransferCalls.ListAsync(App, depotId: from))["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_partner_sends_stock_from_its_own_depot_into_the_shared_pool()
    {
        var own = await Scene.DepotAsync(App, given.RedCross);
        await StockCalls.ReceiveAsync(App, own, Scene.Water, 12, "RC-W", "2027-06-30", token: given.RedCrossPartner);

        var transfer = TransferCalls.Succeeded(await TransferCalls.StartAsync(App, own, given.SharedDepot, Scene.Water, 12, "支援共用库", given.RedCrossPartner));

        Assert.Equal("RESERVED", transfer["status"]!.GetValue<string>());
        Assert.Equal((12, 12, 0, 0), await Scene.CountsAsync(App, own));
    }

    [Fact]
    public async Task A_partner_cannot_draw_from_the_shared_pool_nor_learn_of_another_agencys_private_depot()
    {
        var own = await Scene.DepotAsync(App, given.RedCross);
        var bureauOnly = await Scene.DepotAsync(App, given.Bureau);
        await StockCalls.StockAsync(App, bureauOnly, Scene.Water, 9, "B-W", "2027-06-30");
        await StockCalls.ReceiveAsync(App, own, Scene.Water, 4, "RC-W", "2027-06-30", token: given.RedCrossPartner);

        var fromPool = await App.PostAsync(TransferCalls.Start,
            new { input = new { fromDepotId = given.SharedDepot, toDepotId = own, itemCode = Scene.Water, quantity = 1 } }, given.RedCrossPartner);
        var fromPrivate = await TransferCalls.StartAsync(App, bureauOnly, own, Scene.Water, 1, token: given.RedCrossPartner);
        var intoPrivate = await TransferCalls.StartAsync(App, own, bureauOnly, Scene.Water, 1, token: given.RedCrossPartner);

        Assert.Equal(["FORBIDDEN"], fromPool.ErrorCodes);
        Assert.Equal(("NOT_FOUND", "fromDepotId"), (TransferCalls.ErrorCode(fromPrivate), TransferCalls.ErrorField(fromPrivate)));
        Assert.Equal(("NOT_FOUND", "toDepotId"), (TransferCalls.ErrorCode(intoPrivate), TransferCalls.ErrorField(intoPrivate)));
        Assert.Equal((9, 0, 9, 0), await Scene.CountsAsync(App, bureauOnly));
        Assert.Equal((4, 0, 4, 0), await Scene.CountsAsync(App, own));
    }

    [Fact]
    public async Task A_commander_may_not_move_stock()
    {
        var (from, to) = await Scene.StockedPairAsync(given);

        var response = await App.PostAsync(TransferCalls.Start,
            new { input = new { fromDepotId = from, toDepotId = to, itemCode = Scene.Water, quantity = 1 } }, App.Token("commander"));

        Assert.Equal(["FORBIDDEN"], response.ErrorCodes);
        Assert.Equal((30, 0, 30, 0), await Scene.CountsAsync(App, from));
    }
}
