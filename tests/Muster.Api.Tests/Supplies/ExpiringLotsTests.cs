using System.Globalization;
using Muster.Api.Tests.Support;
using static Muster.Api.Tests.Support.StockCalls;

namespace Muster.Api.Tests.Supplies;

public sealed class ExpiringLotsTests(DepotsAndCatalog given) : IClassFixture<DepotsAndCatalog>
{
    private MusterApp App => given.App;

    private static string InDays(int days) => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Lots_expiring_within_the_days_asked_come_earliest_first_with_the_days_left()
    {
        var item = await NewItemAsync(App, "压缩饼干");
        await StockAsync(App, given.BureauDepot, item, 30, "LATER", InDays(25));
        await StockAsync(App, given.SharedDepot, item, 20, "SOON", InDays(3));
        await StockAsync(App, given.SharedDepot, item, 50, "FAR", InDays(90));
        await StockAsync(App, given.SharedDepot, item, 50, "NEVER");

        var response = await App.PostAsync(Expiring, new { itemCode = item }, App.Token("logistics"));
        var wider = await App.PostAsync(Expiring, new { itemCode = item, withinDays = 100, depotId = given.SharedDepot }, App.Token("logistics"));

        var lots = response.Data!["expiringLots"]!.AsArray();
        Assert.Equal([("SOON", 3, 20), ("LATER", 25, 30)], lots.Select(l => (l!["lot"]!.GetValue<string>(), Number(l, "daysLeft"), Number(l, "quantity"))));
        Assert.Equal(("压缩饼干", given.SharedDepot), (lots[0]!["item"]!["name"]!.GetValue<string>(), lots[0]!["depot"]!["id"]!.GetValue<string>()));
        Assert.Equal(["SOON", "FAR"], wider.Data!["expiringLots"]!.AsArray().Select(l => l!["lot"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Days_out_of_range_are_a_validation_error()
    {
        var response = await App.PostAsync(Expiring, new { withinDays = -1 }, App.Token("logistics"));

        Assert.Equal(["VALIDATION"], response.ErrorCodes);
    }
}
