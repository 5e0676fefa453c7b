using Muster.Api.Tests.Support;
using static Muster.Api.Tests.Support.StockCalls;

namespace Muster.Api.Tests.Supplies;

public sealed class StockTotalsTests(DepotsAndCatalog given) : IClassFixture<DepotsAndCatalog>
{
    private MusterApp App => given.App;

    [Fact]
    public async Task Totals_sum_an_item_over_the_depots_the_caller_may_see_or_over_the_shared_pool()
    {
        await StockAsync(App, given.BureauDepot, DepotsAndCatalog.Water, 100, "W-B", "2028-01-31");
        await StockAsync(App, given.SharedDepot, DepotsAndCatalog.Water, 40, "W-S", "2028-01-31");
        await StockAsync(App, given.RedCrossDepot, DepotsAndCatalog.Water, 7, "W-R", "2028-01-31");
        await ReserveAsync(App, given.SharedDepot, DepotsAndCatalog.Water, 15);

        var all = await TotalsAsync(App.Token("logistics"), "102", sharedOnly: false);
        var pool = await TotalsAsync(App.Token("logistics"), "102", sharedOnly: true);
        var partner = await TotalsAsync(given.RedCrossPartner, "102", sharedOnly: false);

        Assert.Equal(("1020101", "瓶装饮用水", 147, 15, 132, 3),
            (all["itemCode"]!.GetValue<string>(), all["item"]!["name"]!.GetValue<string>(), Number(all, "onHand"), Number(all, "reserved"), Number(all, "available"), Number(all, "depots")));
        Assert.Equal((40, 25, 1), (Number(pool, "onHand"), Number(pool, "available"), Number(pool, "depots")));
        Assert.Equal((47, 2), (Number(partner, "onHand"), Number(partner, "depots")));
    }

    [Fact]
    public async Task A_prefix_that_is_not_digits_is_a_validation_error()
    {
        var response = await App.PostAsync(Totals, new { codePrefix = "1%" }, App.Token("logistics"));

        Assert.Equal(["VALIDATION"], response.ErrorCodes);
    }

    private async Task<System.Text.Json.Nodes.JsonNode> TotalsAsync(string token, string prefix, bool sharedOnly)
    {
        var response = await App.PostAsync(Totals, new { codePrefix = prefix, sharedOnly }, token);
        return Assert.Single(response.Data?["stockTotals"]?.AsArray() ?? throw new InvalidOperationException(response.Text))!;
    }
}
