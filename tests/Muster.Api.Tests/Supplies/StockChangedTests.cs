using Muster.Api.Tests.Support;
using static Muster.Api.Tests.Support.StockCalls;

namespace Muster.Api.Tests.Supplies;

public sealed class StockChangedTests(DepotsAndCatalog given) : IClassFixture<DepotsAndCatalog>
{
    private MusterApp App => given.App;

    [Fact]
    public async Task Logistics_watching_a_depots_item_hears_each_committed_change_of_that_stock_line_only()
    {
        var item = await NewItemAsync(App);
        var other = await NewItemAsync(App);
        await using var socket = await GraphQLSocket.SubscribeListeningAsync(App, App.Token("logistics"), "watch",
            $$"""subscription { stockChanged(depotId: "{{given.BureauDepot}}", itemCode: "{{item}}") { itemCode onHand available } }""");

        await StockAsync(App, given.SharedDepot, item, 5, "ELSEWHERE");
        await StockAsync(App, given.BureauDepot, other, 5, "OTHER-ITEM");
        await StockAsync(App, given.BureauDepot, item, 30, "L-1");
        var received = await socket.ReceiveAsync();
        await WriteOffAsync(App, given.BureauDepot, item, "L-1", 4);
        var writtenOff = await socket.ReceiveAsync();

        Assert.Equal((item, 30), (received["payload"]!["data"]!["stockChanged"]!["itemCode"]!.GetValue<string>(), Number(received["payload"]!["data"]!["stockChanged"], "onHand")));
        Assert.Equal(26, Number(writtenOff["payload"]!["data"]!["stockChanged"], "available"));
    }
}
