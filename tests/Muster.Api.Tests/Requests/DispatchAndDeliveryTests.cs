using Muster.Api.Tests.Support;

namespace Muster.Api.Tests.Requests;

public sealed class DispatchAndDeliveryTests(RequestingAgencies given) : IClassFixture<RequestingAgencies>
{
    private MusterApp App => given.App;

    [Fact]
    public async Task Dispatch_issues_every_reservation_first_expiring_lots_first()
    {
        var water = await RequestCalls.NewItemAsync(App, "瓶装饮用水");
        await StockCalls.StockAsync(App, given.RedCrossDepot, water, 5, "W-LATE", "2031-01-01");
        await StockCalls.StockAsync(App, given.RedCrossDepot, water, 5, "W-EARLY", "2030-01-01");
        var id = await given.RedCrossRequestsAsync(RequestCalls.Line(water, 6));
        await RequestCalls.AllocatedAsync(App, id);
        var arrival = DateTimeOffset.UtcNow.AddHours(3);

        var request = await RequestCalls.ChangedAsync(App, RequestCalls.Dispatch,
            new { requestId = id, vehicle = "晋L·E0119", driver = "李建国", expectedArrival = arrival.ToString("O") });

        Assert.Equal("IN_TRANSIT", RequestCalls.Status(request));
        var shipment = request["shipment"]!;
        Assert.Equal(("晋L·E0119", "李建国"), (shipment["vehicle"]!.GetValue<string>(), shipment["driver"]!.GetValue<string>()));
        var item = Assert.Single(shipment["items"]!.AsArray())!;
        Assert.Equal([("W-EARLY", 5), ("W-LATE", 1)], item["lots"]!.AsArray().Select(l => (l!["lot"]!.GetValue<string>(), l["quantity"]!.GetValue<int>())));
        Assert.Equal((4, 0, 4), await RequestCalls.LevelAsync(App, given.RedCrossDepot, water));
    }

    [Fact]
    public async Task Only_an_allocated_request_is_dispatched_by_logistics_with_an_arrival_ahead()
    {
        var rope = await RequestCalls.NewItemAsync(App, "救援绳");
        await StockCalls.StockAsync(App, given.SharedDepot, rope, 5, "S-R1");
        var id = await given.RedCrossRequestsAsync(RequestCalls.Line(rope, 2));
        var input = new { requestId = id, vehicle = "晋L·1", driver = "张", expectedArrival = DateTimeOffset.UtcNow.AddHours(1).ToString("O") };

        var requested = await RequestCalls.ChangeAsync(App, RequestCalls.Dispatch, input);
        await RequestCalls.AllocatedAsync(App, id);
        var partner = await RequestCalls.CallAsync(App, RequestCalls.Dispatch, input, given.RedCrossPartner);
        var past = await RequestCalls.ChangeAsync(App, RequestCalls.Dispatch, input with { expectedArrival = DateTimeOffset.UtcNow.AddHours(-1).ToString("O") });

        Assert.Equal(("INVALID_STATE", "requestId"), RequestCalls.Error(requested));
        Assert.Equal(["FORBIDDEN"], partner.ErrorCodes);
        Assert.Equal(("VALIDATION", "expectedArrival"), RequestCalls.Error(past));
        Assert.Equal((5, 2, 3), await RequestCalls.LevelAsync(App, given.SharedDepot, rope));
    }

    [Fact]
    public async Task The_requesting_partner_confirms_a_short_delivery_and_the_discrepancy_is_recorded()
    {
        var (id, food) = await InTransitAsync(10);

        var delivered = await RequestCalls.ChangedAsync(App, RequestCalls.Confirm,
            new { requestId = id, received = new[] { RequestCalls.Line(food, 8) }, note = "两箱破损" }, given.RedCrossPartner);

        Assert.Equal("DELIVERED", RequestCalls.Status(delivered));
        var discrepancy = Assert.Single(delivered["discrepancies"]!.AsArray())!;
        Assert.Equal((food, 10, 8), (discrepancy["itemCode"]!.GetValue<string>(), discrepancy["shipped"]!.GetValue<int>(), discrepancy["received"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Delivering_more_than_shipped_or_an_item_not_shipped_is_refused_and_changes_nothing()
    {
        var (id, food) = await InTransitAsync(10);
        var other = await RequestCalls.NewItemAsync(App);

        var more = await RequestCalls.ChangeAsync(App, RequestCalls.Confirm, new { requestId = id, received = new[] { RequestCalls.Line(food, 11) } });
        var notShipped = await RequestCalls.ChangeAsync(App, RequestCalls.Confirm,
            new { requestId = id, received = new[] { RequestCalls.Line(food, 10), RequestCalls.Line(other, 1) } });
        var uncounted = await RequestCalls.ChangeAsync(App, RequestCalls.Confirm, new { requestId = id, received = Array.Empty<object>() });
        var stranger = await RequestCalls.ChangeAsync(App, RequestCalls.Confirm, new { requestId = id, received = new[] { RequestCalls.Line(food, 10) } }, given.MineRescuePartner);

        Assert.Equal(("VALIDATION", "received[0].quantity"), RequestCalls.Error(more));
        Assert.Equal(("VALIDATION", "received[1].itemCode"), RequestCalls.Error(notShipped));
        Assert.Equal(("VALIDATION", "received"), RequestCalls.Error(uncounted));
        Assert.Equal(("NOT_FOUND", "requestId"), RequestCalls.Error(stranger));
        Assert.Equal("IN_TRANSIT", RequestCalls.Status((await RequestCalls.NodeAsync(App, id))!));
    }

    private async Task<(string Id, string Item)> InTransitAsync(int quantity)
    {
        var food = await RequestCalls.NewItemAsync(App, "方便食品");
        await StockCalls.StockAsync(App, given.SharedDepot, food, quantity, "S-F1");
        var id = await given.RedCrossRequestsAsync(RequestCalls.Line(food, quantity));
        await RequestCalls.AllocatedAsync(App, id);
        await RequestCalls.DispatchedAsync(App, id);
        return (id, food);
    }
}
