using Muster.Api.Tests.Supplies;
using Muster.Api.Tests.Support;

namespace Muster.Api.Tests.Transfers;

public sealed class TransfersQueryTests(DepotsAndCatalog given) : IClassFixture<DepotsAndCatalog>
{
    private MusterApp App => given.App;

    [Fact]
    public async Task Transfers_list_newest_first_filtered_by_status_and_depot()
    {
        var (from, to) = await Scene.StockedPairAsync(given);
        var first = TransferCalls.Id(await TransferCalls.StartedAsync(App, from, to, Scene.Water, 5));
        var second = TransferCalls.Id(await TransferCalls.StartedAsync(App, from, to, Scene.Water, 6));
        var third = TransferCalls.Id(await TransferCalls.StartedAsync(App, from, to, Scene.Water, 7));
        TransferCalls.Succeeded(await TransferCalls.ShipAsync(App, second));

        var all = await TransferCalls.ListAsync(App, depotId: to);
        var reserved = await TransferCalls.ListAsync(App, status: "RESERVED", depotId: from);
        var page = await TransferCalls.ListAsync(App, depotId: from, first: 2);

        Assert.Equal([third, second, first], TransferCalls.Ids(all));
        Assert.Equal([third, first], TransferCalls.Ids(reserved));
        Assert.Equal([third, second], TransferCalls.Ids(page));
        Assert.True(page["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_partner_sees_transfers_whose_both_depots_it_may_see_and_no_other_through_the_list_or_node()
    {
        var own = await Scene.DepotAsync(App, given.RedCross);
        var pool = await Scene.DepotAsync(App, given.Bureau, shared: true);
        var bureauOnly = await Scene.DepotAsync(App, given.Bureau);
        await StockCalls.StockAsync(App, pool, Scene.Water, 20, "P-W", "2027-06-30");
        var seen = TransferCalls.Id(await TransferCalls.StartedAsync(App, pool, own, Scene.Water, 5));
        var hidden = TransferCalls.Id(await TransferCalls.StartedAsync(App, pool, bureauOnly, Scene.Water, 5));

        var listed = TransferCalls.Ids(await TransferCalls.ListAsync(App, depotId: pool, token: given.RedCrossPartner));
        var nodes = await App.PostAsync("""query($ids: [ID!]!) { nodes(ids: $ids) { ... on Transfer { id from { name } to { name } } } }""",
            new { ids = new[] { seen, hidden } }, given.RedCrossPartner);
        var byLogistics = TransferCalls.Ids(await TransferCalls.ListAsync(App, depotId: pool));

        Assert.Equal([seen], listed);
        Assert.Equal(seen, nodes.Data!["nodes"]![0]!["id"]!.GetValue<string>());
        Assert.Null(nodes.Data!["nodes"]![1]);
        Assert.Equal([hidden, seen], byLogistics);
    }
}
