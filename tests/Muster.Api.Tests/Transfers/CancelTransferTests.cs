using Muster.Api.Tests.Supplies;
using Muster.Api.Tests.Support;

namespace Muster.Api.Tests.Transfers;

public sealed class CancelTransferTests(DepotsAndCatalog given) : IClassFixture<DepotsAndCatalog>
{
    private MusterApp App => given.App;

    [Fact]
    public async Task Cancelling_a_reserved_transfer_releases_its_reservation()
    {
        var (from, to) = await Scene.StockedPairAsync(given);
        var transfer = TransferCalls.Id(await TransferCalls.StartedAsync(App, from, to, Scene.Water, 25));

        var cancelled = TransferCalls.Succeeded(await TransferCalls.CancelAsync(App, transfer, "道路中断"));

        Assert.Equal(("CANCELLED", "道路中断"), (cancelled["status"]!.GetValue<string>(), cancelled["cancelReason"]!.GetValue<string>()));
        Assert.Equal((30, 0, 30, 0), await Scene.CountsAsync(App, from));
    }

    [Theory]
    [InlineData("shipped", "INVALID_STATE", "transferId")]
    [InlineData("cancelled-twice", "INVALID_STATE", "transferId")]
    [InlineData("no-reason", "VALIDATION", "reason")]
    [InlineData("unknown-transfer", "NOT_FOUND", "transferId")]
    public async Task Bad_cancellations_are_refused_with_their_code_and_release_nothing(string fault, string code, string field)
    {
        var (from, to) = await Scene.StockedPairAsync(given);
        var transfer = TransferCalls.Id(await TransferCalls.StartedAsync(App, from, to, Scene.Water, 25));
        if (fault == "shipped")
        {
            TransferCalls.Succeeded(await TransferCalls.ShipAsync(App, transfer));
        }
        else if (fault == "cancelled-twice")
        {
            TransferCalls.Succeeded(await TransferCalls.CancelAsync(App, transfer));
        }

        var before = (Source: await Scene.CountsAsync(App, from), Destination: await Scene.CountsAsync(App, to));
        var payload = fault switch
        {
            "no-reason" => await TransferCalls.CancelAsync(App, transfer, " "),
            "unknown-transfer" => await TransferCalls.CancelAsync(App, Ids.Unknown("Transfer")),
            _ => await TransferCalls.CancelAsync(App, transfer),
        };

        Assert.Equal((code, field), (TransferCalls.ErrorCode(payload), TransferCalls.ErrorField(payload)));
        Assert.Equal(before, (await Scene.CountsAsync(App, from), await Scene.CountsAsync(App, to)));
    }
}
