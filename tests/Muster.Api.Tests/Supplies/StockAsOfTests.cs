using System.Globalization;
using Muster.Api.Tests.Support;
using static Muster.Api.Tests.Support.StockCalls;

namespace Muster.Api.Tests.Supplies;

public sealed class StockAsOfTests(DepotsAndCatalog given) : IClassFixture<DepotsAndCatalog>
{
    private MusterApp App => given.App;

    [Fact]
    public async Task Time_travel_answers_what_was_on_hand_at_a_past_moment()
    {
        var item = await NewItemAsync(App);
        await StockAsync(App, given.BureauDepot, item, 80, "A-1", "2029-03-31");
        await ReserveAsync(App, given.BureauDepot, item, 30);
        await StockAsync(App, given.BureauDepot, item, 20, "A-2", "2028-03-31");
        await WriteOffAsync(App, given.BureauDepot, item, "A-1", 10);
        // The instants come from the ledger: when the server recorded each entry.
        var recorded = (await LedgerAsync(App, given.BureauDepot, item))!.Select(e => DateTimeOffset.Parse(e!["at"]!.GetValue<string>(), CultureInfo.InvariantCulture)).ToList();

        var then = await AsOfAsync(item, recorded[1]);
        var earlier = await AsOfAsync(item, recorded[0] - TimeSpan.FromMicroseconds(1));
        var now = await AsOfAsync(item, recorded[3]);

        Assert.Equal(4, recorded.Count);
        Assert.Equal((80, 30, 50), (Number(then, "onHand"), Number(then, "reserved"), Number(then, "available")));
        Assert.Equal("A-1", Assert.Single(then!["lots"]!.AsArray())!["lot"]!.GetValue<string>());
        Assert.Equal((0, 0), (Number(earlier, "onHand"), earlier!["lots"]!.AsArray().Count));
        Assert.Equal((90, 60), (Number(now, "onHand"), Number(now, "available")));
        Assert.Equal(["A-2", "A-1"], now!["lots"]!.AsArray().Select(l => l!["lot"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_depot_id_that_names_no_depot_answers_null()
    {
        var response = await App.PostAsync(AsOf, new { depotId = Ids.Unknown("Depot"), itemCode = DepotsAndCatalog.Tent, at = DateTimeOffset.UtcNow.ToString("O") }, App.Token("logistics"));

        Assert.Empty(response.ErrorCodes);
        Assert.Null(response.Data!["stockAsOf"]);
    }

    private async Task<System.Text.Json.Nodes.JsonNode?> AsOfAsync(string item, DateTimeOffset at)
    {
        var response = await App.PostAsync(AsOf, new { depotId = given.BureauDepot, itemCode = item, at = at.ToString("O") }, App.Token("commander"));
        return response.Data?["stockAsOf"] ?? throw new InvalidOperationException(response.Text);
    }
}
