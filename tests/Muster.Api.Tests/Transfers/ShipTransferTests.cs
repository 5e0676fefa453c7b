using System.Text.Json.Nodes;
using Muster.Api.Tests.Supplies;
using Muster.Api.Tests.Support;

namespace Muster.Api.Tests.Transfers;

public sealed class ShipTransferTests(DepotsAndCatalog given) : IClassFixture<DepotsAndCatalog>
{
    private MusterApp App => given.App;

    [Fact]
    public async Task Shipping_issues_first_expiring_lots_at_the_source_and_puts_the_transfer_in_transit()
    {
        var (from, to) = await Scene.StockedPairAsync(given);
        var started = await TransferCalls.StartedAsync(App, from, to, Scene.Water, 25);

        var shipped = TransferCalls.Succeeded(await TransferCalls.ShipAsync(App, TransferCalls.Id(started), " 晋L·A1234 ", "王师傅"));

        Assert.Equal(("IN_TRANSIT", "晋L·A1234", "王师傅"), (shipped["status"]!.GetValue<string>(), shipped["vehicle"]!.GetValue<string>(), shipped["driver"]!.GetValue<string>()));
        Assert.NotNull(shipped["shippedAt"]);
        Assert.Equal([("W-SOON", "2027-03-31", 20), ("W-LATE", "2027-10-31", 5)], Lots(shipped));
        Assert.Equal((5, 0, 5, 0), await Scene.CountsAsync(App, from));
        var left = (await Scene.LevelAsync(App, from))!["lots"]!.AsArray();
        Assert.Equal(("W-LATE", 5), (left.Single()!["lot"]!.GetValue<string>(), left.Single()!["quantity"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Stock_in_transit_shows_at_the_destination_and_is_available_nowhere_until_received()
    {
        var (from, to) = await Scene.StockedPairAsync(given);
        await StockCalls.StockAsync(App, to, Scene.Water, 3, "T-OWN", "2027-12-31");
        var transfer = TransferCalls.Id(await TransferCalls.StartedAsync(App, from, to, Scene.Water, 30));

        TransferCalls.Succeeded(await TransferCalls.ShipAsync(App, transfer));
        var inTransit = (Source: await Scene.CountsAsync(App, from), Destination: await Scene.CountsAsync(App, to));
        TransferCalls.Succeeded(await TransferCalls.ReceiveAsync(App, transfer));
        var received = (Source: await Scene.CountsAsync(App, from), Destination: await Scene.CountsAsync(App, to));

        Assert.Equal((0, 0, 0, 0), inTransit.Source);
        Assert.Equal((3, 0, 3, 30), inTransit.Destination);
        Assert.Equal((0, 0, 0, 0), received.Source);
        Assert.Equal((33, 0, 33, 0), received.Destination);
    }

    [Fact]
    public async Task The_destination_counts_a_transfer_in_transit_even_before_it_ever_held_the_item()
    {
        var (from, to) = await Scene.StockedPairAsync(given);
        var transfer = TransferCalls.Id(await TransferCalls.StartedAsync(App, from, to, Scene.Water, 4));

        TransferCalls.Succeeded(await TransferCalls.ShipAsync(App, transfer));

        var level = await Scene.LevelAsync(App, to);
        Assert.Equal((0, 0, 4), (level!["onHand"]!.GetValue<int>(), level["available"]!.GetValue<int>(), level["inTransit"]!.GetValue<int>()));
        Assert.Empty(level["lots"]!.AsArray());
    }

    [Theory]
    [InlineData("shipped-twice", "INVALID_STATE", "transferId")]
    [InlineData("cancelled", "INVALID_STATE", "transferId")]
    [InlineData("no-vehicle", "VALIDATION", "vehicle")]
    [InlineData("unknown-transfer", "NOT_FOUND", "transferId")]
    [InlineData("depot-id-as-transfer", "NOT_FOUND", "transferId")]
    [InlineData("partner-of-another-agency", "NOT_FOUND", "transferId")]
    public async Task Bad_shipments_are_refused_with_their_code_and_move_nothing(string fault, string code, string field)
    {
        var (from, to) = await Scene.StockedPairAsync(given);
        var transfer = TransferCalls.Id(await TransferCalls.StartedAsync(App, from, to, Scene.Water, 25));
        if (fault == "shipped-twice")
        {
            TransferCalls.Succeeded(await TransferCalls.ShipAsync(App, transfer));
        }
        else if (fault == "cancelled")
        {
            TransferCalls.Succeeded(await TransferCalls.CancelAsync(App, transfer));
        }

        var before = (Source: await Scene.CountsAsync(App, from), Destination: await Scene.CountsAsync(App, to));
        var payload = fault switch
        {
            "no-vehicle" => await TransferCalls.ShipAsync(App, transfer, vehicle: "  "),
            "unknown-transfer" => await TransferCalls.ShipAsync(App, Ids.Unknown("Transfer")),
            "depot-id-as-transfer" => await TransferCalls.ShipAsync(App, from),
            "partner-of-another-agency" => await TransferCalls.ShipAsync(App, transfer, token: given.RedCrossPartner),
            _ => await TransferCalls.ShipAsync(App, transfer),
        };

        Assert.Equal((code, field), (TransferCalls.ErrorCode(payload), TransferCalls.ErrorField(payload)));
        Assert.Null(payload["transfer"]);
        Assert.Equal(before, (await Scene.CountsAsync(App, from), await Scene.CountsAsync(App, to)));
    }

    [Fact]
    public async Task A_partner_keeping_only_the_destination_may_not_ship()
    {
        var own = await Scene.DepotAsync(App, given.RedCross);
        var pool = await Scene.DepotAsync(App, given.Bureau, shared: true);
        await StockCalls.StockAsync(App, pool, Scene.Water, 8, "P-W", "2027-06-30");
        var transfer = TransferCalls.Id(await TransferCalls.StartedAsync(App, pool, own, Scene.Water, 8));

        var response = await App.PostAsync(TransferCalls.Ship, new { input = new { transferId = transfer, vehicle = "晋L·B5678", driver = "李" } }, given.RedCrossPartner);

        Assert.Equal(["FORBIDDEN"], response.ErrorCodes);
        Assert.Equal((8, 8, 0, 0), await Scene.CountsAsync(App, pool));
    }

    private static List<(string, string, int)> Lots(JsonNode transfer) =>
        transfer["lots"]!.AsArray().Select(l => (l!["lot"]!.GetValue<string>(), l["expiresOn"]!.GetValue<string>(), l["quantity"]!.GetValue<int>())).ToList();
}
