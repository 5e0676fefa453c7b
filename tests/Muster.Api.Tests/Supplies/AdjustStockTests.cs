using Muster.Api.Tests.Support;
using static Muster.Api.Tests.Support.StockCalls;

namespace Muster.Api.Tests.Supplies;

public sealed class AdjustStockTests(DepotsAndCatalog given) : IClassFixture<DepotsAndCatalog>
{
    private MusterApp App => given.App;

    [Fact]
    public async Task A_count_sets_the_lot_to_what_was_found_and_the_ledger_keeps_why()
    {
        var item = await NewItemAsync(App);
        await StockAsync(App, given.BureauDepot, item, 100, "T-1");
        await StockAsync(App, given.BureauDepot, item, 40, "T-2");

        var payload = await AdjustAsync(App, given.BureauDepot, item, "T-1", 97, "2026年11月盘点：3顶破损未入账");
        var ledger = await LedgerAsync(App, given.BureauDepot, item);

        Assert.Empty(payload["errors"]!.AsArray());
        Assert.Equal((137, 137), (Number(payload["stockLevel"], "onHand"), Number(payload["stockLevel"], "available")));
        var counted = ledger![^1]!;
        Assert.Equal(("COUNTED", -3, "T-1", "2026年11月盘点：3顶破损未入账"),
            (counted["kind"]!.GetValue<string>(), Number(counted, "quantity"), counted["lot"]!.GetValue<string>(), counted["reason"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("T-1", -1, "盘点", "VALIDATION", "countedQuantity")]
    [InlineData("T-1", 10, "盘点", "VALIDATION", "countedQuantity")]
    [InlineData("T-1", 8, " ", "VALIDATION", "reason")]
    [InlineData("T-404", 8, "盘点", "NOT_FOUND", "lot")]
    public async Task Bad_counts_are_refused_and_change_nothing(string lot, int counted, string reason, string code, string field)
    {
        var item = await NewItemAsync(App);
        await StockAsync(App, given.BureauDepot, item, 10, "T-1");

        var payload = await AdjustAsync(App, given.BureauDepot, item, lot, counted, reason);

        Assert.Equal((code, field), (ErrorCode(payload), payload["errors"]![0]!["field"]!.GetValue<string>()));
        Assert.Single((await LedgerAsync(App, given.BureauDepot, item))!);
    }

    [Fact]
    public async Task A_count_may_not_leave_less_on_hand_than_is_reserved()
    {
        var item = await NewItemAsync(App);
        await StockAsync(App, given.BureauDepot, item, 10, "T-1");
        await ReserveAsync(App, given.BureauDepot, item, 8);

        var payload = await AdjustAsync(App, given.BureauDepot, item, "T-1", 7);

        Assert.Equal("INSUFFICIENT_STOCK", ErrorCode(payload));
        Assert.Equal(10, Number((await LevelsAsync(App, item, given.BureauDepot))[0], "onHand"));
    }

    [Fact]
    public async Task A_partner_counts_in_its_own_depots_only_and_learns_nothing_of_another_agencys_private_one()
    {
        var item = await NewItemAsync(App);
        await StockAsync(App, given.RedCrossDepot, item, 10, "RC-1");
        await StockAsync(App, given.BureauDepot, item, 10, "B-1");
        await StockAsync(App, given.SharedDepot, item, 10, "S-1");

        var own = await AdjustAsync(App, given.RedCrossDepot, item, "RC-1", 9, token: given.RedCrossPartner);
        var hidden = await AdjustAsync(App, given.BureauDepot, item, "B-1", 9, token: given.RedCrossPartner);
        var shared = await App.PostAsync(Adjust, new { input = new { depotId = given.SharedDepot, itemCode = item, lot = "S-1", countedQuantity = 9, reason = "x" } }, given.RedCrossPartner);
        var commander = await App.PostAsync(Adjust, new { input = new { depotId = given.SharedDepot, itemCode = item, lot = "S-1", countedQuantity = 9, reason = "x" } }, App.Token("commander"));

        Assert.Empty(own["errors"]!.AsArray());
        Assert.Equal("NOT_FOUND", ErrorCode(hidden));
        Assert.Equal(["FORBIDDEN"], shared.ErrorCodes);
        Assert.Equal(["FORBIDDEN"], commander.ErrorCodes);
        Assert.Equal([10, 10], (await LevelsAsync(App, item, null)).Where(l => l!["depot"]!["id"]!.GetValue<string>() != given.RedCrossDepot).Select(l => Number(l, "onHand")));
    }
}
