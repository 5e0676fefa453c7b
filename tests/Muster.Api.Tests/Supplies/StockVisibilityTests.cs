using System.Globalization;
using Muster.Api.Tests.Support;
using static Muster.Api.Tests.Support.StockCalls;

namespace Muster.Api.Tests.Supplies;

/// <summary>A partner learns nothing of another agency's private depot through any stock field.</summary>
public sealed class StockVisibilityTests(DepotsAndCatalog given) : IClassFixture<DepotsAndCatalog>
{
    private MusterApp App => given.App;

    private const string Node = "query($id: ID!) { node(id: $id) { id ... on StockLevel { onHand depot { id } } } }";
    private const string Nodes = "query($ids: [ID!]!) { nodes(ids: $ids) { id } }";

    [Fact]
    public async Task Another_agencys_private_depot_stays_hidden_in_levels_totals_time_travel_ledger_expiring_lots_and_nodes()
    {
        var item = await NewItemAsync(App);
        var soon = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(5).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var hidden = await StockAsync(App, given.BureauDepot, item, 9, "HIDDEN", soon);
        var shared = await StockAsync(App, given.SharedDepot, item, 4, "POOL", soon);
        var partner = given.RedCrossPartner;

        var levels = await LevelsAsync(App, item, null, partner);
        var totals = await App.PostAsync(Totals, new { codePrefix = item }, partner);
        var asOf = await App.PostAsync(AsOf, new { depotId = given.BureauDepot, itemCode = item, at = DateTimeOffset.UtcNow.AddSeconds(5).ToString("O") }, partner);
        var ledger = await LedgerAsync(App, given.BureauDepot, item, partner);
        var expiring = await App.PostAsync(Expiring, new { itemCode = item }, partner);
        var node = await App.PostAsync(Node, new { id = hidden["id"]!.GetValue<string>() }, partner);
        var nodes = await App.PostAsync(Nodes, new { ids = new[] { hidden["id"]!.GetValue<string>(), shared["id"]!.GetValue<string>() } }, partner);
        var asLogistics = await App.PostAsync(Node, new { id = hidden["id"]!.GetValue<string>() }, App.Token("logistics"));

        Assert.Equal([given.SharedDepot], levels.Select(l => l!["depot"]!["id"]!.GetValue<string>()));
        Assert.Equal(4, Number(Assert.Single(totals.Data!["stockTotals"]!.AsArray()), "onHand"));
        Assert.Null(asOf.Data!["stockAsOf"]);
        Assert.Null(ledger);
        Assert.Equal(["POOL"], expiring.Data!["expiringLots"]!.AsArray().Select(l => l!["lot"]!.GetValue<string>()));
        Assert.Null(node.Data!["node"]);
        Assert.Null(nodes.Data!["nodes"]![0]);
        Assert.Equal(shared["id"]!.GetValue<string>(), nodes.Data!["nodes"]![1]!["id"]!.GetValue<string>());
        Assert.Equal(9, Number(asLogistics.Data!["node"], "onHand"));
    }

    [Fact]
    public async Task A_partner_hears_of_changes_in_the_shared_pool_but_not_in_another_agencys_private_depot()
    {
        var item = await NewItemAsync(App);
        await using var socket = await GraphQLSocket.SubscribeListeningAsync(App, given.RedCrossPartner, "stock",
            $$"""subscription { stockChanged(itemCode: "{{item}}") { id onHand depot { id } } }""");

        await StockAsync(App, given.BureauDepot, item, 9, "HIDDEN");
        await StockAsync(App, given.SharedDepot, item, 4, "POOL");
        var first = await socket.ReceiveAsync();
        await StockAsync(App, given.SharedDepot, item, 1, "POOL-2");
        var then = await socket.ReceiveAsync(); // changes arrive in commit order: nothing else came in between

        var level = first["payload"]!["data"]!["stockChanged"]!;
        var next = then["payload"]!["data"]!["stockChanged"]!;
        Assert.Equal((given.SharedDepot, 4), (level["depot"]!["id"]!.GetValue<string>(), Number(level, "onHand")));
        Assert.Equal((given.SharedDepot, 5), (next["depot"]!["id"]!.GetValue<string>(), Number(next, "onHand")));
    }
}
