using Muster.Api.Tests.Support;

namespace Muster.Api.Tests.Requests;

public sealed class CancelSupplyRequestTests(RequestingAgencies given) : IClassFixture<RequestingAgencies>
{
    private MusterApp App => given.App;

    [Fact]
    public async Task Cancelling_an_allocated_request_releases_every_reservation()
    {
        var sandbag = await RequestCalls.NewItemAsync(App, "编织袋");
        await StockCalls.StockAsync(App, given.RedCrossDepot, sandbag, 30, "RC-S1");
        await StockCalls.StockAsync(App, given.SharedDepot, sandbag, 30, "S-S1");
        var id = await given.RedCrossRequestsAsync(RequestCalls.Line(sandbag, 45));
        await RequestCalls.AllocatedAsync(App, id);

        var cancelled = await RequestCalls.ChangedAsync(App, RequestCalls.Cancel, new { requestId = id, reason = "险情解除" }, given.RedCrossPartner);

        Assert.Equal(("CANCELLED", "险情解除"), (RequestCalls.Status(cancelled), cancelled["decisionReason"]!.GetValue<string>()));
        Assert.Empty(cancelled["allocations"]!.AsArray());
        Assert.Equal((30, 0, 30), await RequestCalls.LevelAsync(App, given.RedCrossDepot, sandbag));
        Assert.Equal((30, 0, 30), await RequestCalls.LevelAsync(App, given.SharedDepot, sandbag));
    }

    [Fact]
    public async Task A_shipped_request_cannot_be_cancelled_nor_another_agencys_request_seen()
    {
        var torch = await RequestCalls.NewItemAsync(App, "手电筒");
        await StockCalls.StockAsync(App, given.SharedDepot, torch, 5, "S-T1");
        var id = await given.RedCrossRequestsAsync(RequestCalls.Line(torch, 5));

        var stranger = await RequestCalls.ChangeAsync(App, RequestCalls.Cancel, new { requestId = id, reason = "x" }, given.MineRescuePartner);
        var commander = await RequestCalls.CallAsync(App, RequestCalls.Cancel, new { requestId = id, reason = "x" }, App.Token("commander"));
        await RequestCalls.AllocatedAsync(App, id);
        await RequestCalls.DispatchedAsync(App, id);
        var shipped = await RequestCalls.ChangeAsync(App, RequestCalls.Cancel, new { requestId = id, reason = "来不及了" });

        Assert.Equal(("NOT_FOUND", "requestId"), RequestCalls.Error(stranger));
        Assert.Equal(["FORBIDDEN"], commander.ErrorCodes);
        Assert.Equal(("INVALID_STATE", "requestId"), RequestCalls.Error(shipped));
        Assert.Equal("IN_TRANSIT", RequestCalls.Status((await RequestCalls.NodeAsync(App, id))!));
    }
}
