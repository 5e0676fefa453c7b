using Muster.Api.Tests.Support;
using static Muster.Api.Tests.Support.StockCalls;

namespace Muster.Api.Tests.Supplies;

public sealed class StockLedgerTests(DepotsAndCatalog given) : IClassFixture<DepotsAndCatalog>
{
    private MusterApp App => given.App;

    [Fact]
    public async Task The_ledger_tells_who_did_what_and_why_and_its_last_balance_is_the_sum_of_its_changes_and_the_stock_level()
    {
        var item = await NewItemAsync(App);
        await ReceiveAsync(App, given.RedCrossDepot, item, 60, "RC-1", "2029-01-31", "DONATED", given.RedCrossPartner);
        await StockAsync(App, given.RedCrossDepot, item, 40, "RC-2", "2028-05-31");
        await ReserveAsync(App, given.RedCrossDepot, item, 25);
        await AdjustAsync(App, given.RedCrossDepot, item, "RC-1", 58, "盘亏 2", given.RedCrossPartner);
        await WriteOffAsync(App, given.RedCrossDepot, item, "RC-2", 5, "DAMAGED", "搬运跌落");

        var ledger = (await LedgerAsync(App, given.RedCrossDepot, item))!;
        var level = (await LevelsAsync(App, item, given.RedCrossDepot))[0];

        Assert.Equal(["RECEIVED", "RECEIVED", "RESERVED", "COUNTED", "WRITTEN_OFF"], ledger.Select(e => e!["kind"]!.GetValue<string>()));
        Assert.Equal([1, 2, 3, 4, 5], ledger.Select(e => Number(e, "version")));
        var last = ledger[^1]!;
        Assert.Equal(ledger.Sum(e => Number(e, "quantity")), Number(last, "onHandAfter"));
        Assert.Equal((Number(level, "onHand"), Number(level, "reserved"), Number(level, "available")),
            (Number(last, "onHandAfter"), Number(last, "reservedAfter"), Number(last, "availableAfter")));
        Assert.Equal((93, 25, 68), (Number(last, "onHandAfter"), Number(last, "reservedAfter"), Number(last, "availableAfter")));
        var first = ledger[0]!;
        Assert.Equal(("DONATED", "test-partner", "partner", given.RedCross),
            (first["source"]!.GetValue<string>(), first["actor"]!["subject"]!.GetValue<string>(), first["actor"]!["role"]!.GetValue<string>(), first["actor"]!["agencyId"]!.GetValue<string>()));
        Assert.Equal(("SUPPLY_REQUEST", 25), (ledger[2]!["holderKind"]!.GetValue<string>(), Number(ledger[2], "reservedChange")));
        Assert.NotNull(ledger[2]!["holderId"]!.GetValue<string>());
        Assert.Equal(("test-logistics", "搬运跌落"), (last["actor"]!["subject"]!.GetValue<string>(), last["note"]!.GetValue<string>()));
    }

    [Fact]
    public async Task The_ledger_pages_oldest_first()
    {
        var item = await NewItemAsync(App);
        foreach (var lot in new[] { "P-1", "P-2", "P-3" })
        {
            await StockAsync(App, given.SharedDepot, item, 10, lot);
        }

        var page = await App.PostAsync(Ledger, new { depotId = given.SharedDepot, itemCode = item, first = 2 }, App.Token("commander"));
        var next = await App.PostAsync(Ledger,
            new { depotId = given.SharedDepot, itemCode = item, first = 2, after = page.Data!["stockLedger"]!["pageInfo"]!["endCursor"]!.GetValue<string>() }, App.Token("commander"));
        var lastOne = await App.PostAsync(Ledger, new { depotId = given.SharedDepot, itemCode = item, last = 1 }, App.Token("partner", given.RedCross));

        static IEnumerable<string> Lots(GraphQLResponse r) => r.Data!["stockLedger"]!["edges"]!.AsArray().Select(e => e!["node"]!["lot"]!.GetValue<string>());
        Assert.Equal(["P-1", "P-2"], Lots(page));
        Assert.True(page.Data!["stockLedger"]!["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
        Assert.Equal(["P-3"], Lots(next));
        Assert.Equal(["P-3"], Lots(lastOne));
        Assert.Equal(3, page.Data!["stockLedger"]!["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_malformed_item_code_is_a_validation_error()
    {
        var response = await App.PostAsync(Ledger, new { depotId = given.SharedDepot, itemCode = "12", first = 5 }, App.Token("logistics"));

        Assert.Equal(["VALIDATION"], response.ErrorCodes);
    }
}
