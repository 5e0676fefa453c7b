using Marten;
using Microsoft.Extensions.DependencyInjection;
using Muster.Api.GraphQL.Relay;
using Muster.Api.Tests.Supplies;
using Muster.Api.Tests.Support;
using Muster.Supplies;

namespace Muster.Api.Tests.Transfers;

public sealed class ReceiveTransferTests(DepotsAndCatalog given) : IClassFixture<DepotsAndCatalog>
{
    private MusterApp App => given.App;

    [Fact]
    public async Task The_lots_arrive_intact_with_their_expiry_and_the_ledger_says_they_were_transferred()
    {
        var (from, to) = await Scene.StockedPairAsync(given);
        var transfer = TransferCalls.Id(await TransferCalls.StartedAsync(App, from, to, Scene.Water, 25, "防汛前置"));
        TransferCalls.Succeeded(await TransferCalls.ShipAsync(App, transfer));

        var received = TransferCalls.Succeeded(await TransferCalls.ReceiveAsync(App, transfer));

        Assert.Equal("RECEIVED", received["status"]!.GetValue<string>());
        Assert.NotNull(received["receivedAt"]);
        var lots = (await Scene.LevelAsync(App, to))!["lots"]!.AsArray()
            .Select(l => (l!["lot"]!.GetValue<string>(), l["expiresOn"]!.GetValue<string>(), l["quantity"]!.GetValue<int>()));
        Assert.Equal([("W-SOON", "2027-03-31", 20), ("W-LATE", "2027-10-31", 5)], lots);

        await using var session = App.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var toId = GlobalId.Of("Depot", to)!.Value;
        var receipts = (await session.Events.FetchStreamAsync(StockLineId.Of(toId, Scene.Water))).Select(e => e.Data).OfType<StockReceived>().ToList();
        Assert.Equal(2, receipts.Count);
        Assert.All(receipts, r => Assert.Equal((StockSource.Transferred, GlobalId.Of("Transfer", transfer), "防汛前置"), (r.Source, r.TransferId, r.Note)));
    }

    [Theory]
    [InlineData("reserved", "INVALID_STATE")]
    [InlineData("received-twice", "INVALID_STATE")]
    [InlineData("unknown-transfer", "NOT_FOUND")]
    public async Task Bad_receipts_are_refused_with_their_code_and_book_nothing(string fault, string code)
    {
        var (from, to) = await Scene.StockedPairAsync(given);
        var transfer = TransferCalls.Id(await TransferCalls.StartedAsync(App, from, to, Scene.Water, 25));
        if (fault != "reserved")
        {
            TransferCalls.Succeeded(await TransferCalls.ShipAsync(App, transfer));
        }

        if (fault == "received-twice")
        {
            TransferCalls.Succeeded(await TransferCalls.ReceiveAsync(App, transfer));
        }

        var before = await Scene.CountsAsync(App, to);
        var payload = await TransferCalls.ReceiveAsync(App, fault == "unknown-transfer" ? Ids.Unknown("Transfer") : transfer);

        Assert.Equal((code, "transferId"), (TransferCalls.ErrorCode(payload), TransferCalls.ErrorField(payload)));
        Assert.Equal(before, await Scene.CountsAsync(App, to));
    }

    [Fact]
    public async Task A_partner_that_sent_stock_into_the_shared_pool_may_not_receive_it_there_and_the_bureau_does()
    {
        var own = await Scene.DepotAsync(App, given.RedCross);
        var pool = await Scene.DepotAsync(App, given.Bureau, shared: true);
        await StockCalls.ReceiveAsync(App, own, Scene.Water, 6, "RC-W", "2027-06-30", token: given.RedCrossPartner);
        var transfer = TransferCalls.Id(TransferCalls.Succeeded(await TransferCalls.StartAsync(App, own, pool, Scene.Water, 6, token: given.RedCrossPartner)));
        TransferCalls.Succeeded(await TransferCalls.ShipAsync(App, transfer, token: given.RedCrossPartner));

        var byPartner = await App.PostAsync(TransferCalls.Receive, new { input = new { transferId = transfer } }, given.RedCrossPartner);
        var inTransit = await Scene.CountsAsync(App, pool);
        TransferCalls.Succeeded(await TransferCalls.ReceiveAsync(App, transfer));

        Assert.Equal(["FORBIDDEN"], byPartner.ErrorCodes);
        Assert.Equal((0, 0, 0, 6), inTransit);
        Assert.Equal((6, 0, 6, 0), await Scene.CountsAsync(App, pool));
    }
}
