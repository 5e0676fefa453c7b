using Muster.Api.Tests.Support;

namespace Muster.Api.Tests.Supplies;

/// <summary>Two agencies, each with a private depot, a shared depot of the bureau, and a catalog with and without shelf life.</summary>
public sealed class DepotsAndCatalog : AppFixture
{
    public string Bureau { get; private set; } = "";
    public string RedCross { get; private set; } = "";
    public string BureauDepot { get; private set; } = "";
    public string RedCrossDepot { get; private set; } = "";
    public string SharedDepot { get; private set; } = "";

    /// <summary>单帐篷, no shelf life.</summary>
    public const string Tent = "1010101";

    /// <summary>瓶装饮用水, keeps 365 days.</summary>
    public const string Water = "1020101";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Bureau = await AgencyCalls.RegisterAsync(App, "霍州市应急管理局", "BUREAU");
        RedCross = await AgencyCalls.RegisterAsync(App, "霍州市红十字会", "RED_CROSS");
        BureauDepot = await DepotCalls.RegisterAsync(App, Bureau, "开元街储备库", 36.5690, 111.7230);
        RedCrossDepot = await DepotCalls.RegisterAsync(App, RedCross, "红十字会备灾仓库", 36.5600, 111.7100);
        SharedDepot = await DepotCalls.RegisterAsync(App, Bureau, "市应急物资共用库", 36.5800, 111.7400, shared: true);
        await CatalogCalls.DefineAsync(App, Tent, "单帐篷");
        await App.PostAsync(CatalogCalls.Define, new { input = new { code = Water, name = "瓶装饮用水", unit = "箱", shelfLifeDays = 365 } }, App.Token("logistics"));
    }

    public string RedCrossPartner => App.Token("partner", RedCross);
}

public sealed class ReceiveStockTests(DepotsAndCatalog given) : IClassFixture<DepotsAndCatalog>
{
    private MusterApp App => given.App;

    [Fact]
    public async Task A_receipt_adds_to_its_lot_on_the_shelf_and_makes_it_available()
    {
        var level = await StockCalls.StockAsync(App, given.BureauDepot, DepotsAndCatalog.Water, 120, "W-2026-11", "2027-10-31");
        var after = await StockCalls.StockAsync(App, given.BureauDepot, DepotsAndCatalog.Water, 30, "W-2026-11", "2027-10-31");

        Assert.Equal(120, level["onHand"]!.GetValue<int>());
        Assert.Equal((150, 0, 150), (after["onHand"]!.GetValue<int>(), after["reserved"]!.GetValue<int>(), after["available"]!.GetValue<int>()));
        var lot = Assert.Single(after["lots"]!.AsArray());
        Assert.Equal(("W-2026-11", "2027-10-31", 150), (lot!["lot"]!.GetValue<string>(), lot["expiresOn"]!.GetValue<string>(), lot["quantity"]!.GetValue<int>()));
        var levels = await StockCalls.LevelsAsync(App, DepotsAndCatalog.Water, given.BureauDepot);
        Assert.Equal(150, Assert.Single(levels)!["available"]!.GetValue<int>());
    }

    [Fact]
    public async Task Without_lot_or_expiry_the_lot_is_named_after_the_day_and_expires_after_the_items_shelf_life()
    {
        var level = await StockCalls.StockAsync(App, given.SharedDepot, DepotsAndCatalog.Water, 40);

        var lot = Assert.Single(level["lots"]!.AsArray())!;
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Assert.Equal("R" + today.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture), lot["lot"]!.GetValue<string>());
        Assert.Equal(today.AddDays(365).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), lot["expiresOn"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(0, "1010101", "2031-01-01", "VALIDATION", "quantity")]
    [InlineData(-5, "1010101", "2031-01-01", "VALIDATION", "quantity")]
    [InlineData(1_000_001, "1010101", "2031-01-01", "VALIDATION", "quantity")]
    [InlineData(10, "1019999", "2031-01-01", "NOT_FOUND", "itemCode")]
    [InlineData(10, "4010101", "2031-01-01", "VALIDATION", "itemCode")]
    [InlineData(10, "1010101", "2020-01-01", "VALIDATION", "expiresOn")]
    public async Task Bad_receipts_are_refused_with_their_code_and_book_nothing(int quantity, string itemCode, string expiresOn, string code, string field)
    {
        var payload = await StockCalls.ReceiveAsync(App, given.RedCrossDepot, itemCode, quantity, "L-BAD", expiresOn);

        Assert.Equal(code, StockCalls.ErrorCode(payload));
        Assert.Equal(field, payload["errors"]![0]!["field"]!.GetValue<string>());
        Assert.Empty(await StockCalls.LevelsAsync(App, null, given.RedCrossDepot));
    }

    [Fact]
    public async Task A_partner_cannot_book_into_another_agencys_private_depot_nor_learn_that_it_exists()
    {
        var payload = await StockCalls.ReceiveAsync(App, given.BureauDepot, DepotsAndCatalog.Tent, 5, token: given.RedCrossPartner);

        Assert.Equal("NOT_FOUND", StockCalls.ErrorCode(payload));
        Assert.Empty(await StockCalls.LevelsAsync(App, null, given.BureauDepot, given.RedCrossPartner));
    }

    [Fact]
    public async Task A_partner_books_into_its_own_depot_and_sees_it_with_the_shared_pool_but_not_other_private_depots()
    {
        await StockCalls.ReceiveAsync(App, given.RedCrossDepot, DepotsAndCatalog.Tent, 7, "RC-1", token: given.RedCrossPartner);
        await StockCalls.StockAsync(App, given.SharedDepot, DepotsAndCatalog.Tent, 11, "S-1");
        await StockCalls.StockAsync(App, given.BureauDepot, DepotsAndCatalog.Tent, 13, "B-1");

        var seen = (await StockCalls.LevelsAsync(App, DepotsAndCatalog.Tent, null, given.RedCrossPartner))
            .Select(l => l!["depot"]!["id"]!.GetValue<string>()).ToHashSet();

        Assert.Contains(given.RedCrossDepot, seen);
        Assert.Contains(given.SharedDepot, seen);
        Assert.DoesNotContain(given.BureauDepot, seen);
    }

    [Fact]
    public async Task A_lot_keeps_one_expiry()
    {
        await StockCalls.StockAsync(App, given.SharedDepot, DepotsAndCatalog.Tent, 3, "ONE-EXPIRY", "2030-01-01");

        var payload = await StockCalls.ReceiveAsync(App, given.SharedDepot, DepotsAndCatalog.Tent, 3, "ONE-EXPIRY", "2031-01-01");

        Assert.Equal("VALIDATION", StockCalls.ErrorCode(payload));
    }
}
