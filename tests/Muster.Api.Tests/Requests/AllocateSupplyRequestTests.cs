using Muster.Api.Tests.Support;

namespace Muster.Api.Tests.Requests;

public sealed class AllocateSupplyRequestTests(RequestingAgencies given) : IClassFixture<RequestingAgencies>
{
    private MusterApp App => given.App;

    [Fact]
    public async Task Stock_comes_from_the_nearest_depots_the_requester_may_draw_on_and_what_is_missing_is_a_shortfall()
    {
        var tent = await RequestCalls.NewItemAsync(App, "单帐篷");
        await StockCalls.StockAsync(App, given.RedCrossDepot, tent, 3, "RC-T1");
        await StockCalls.StockAsync(App, given.BureauDepot, tent, 50, "B-T1");
        await StockCalls.StockAsync(App, given.SharedDepot, tent, 4, "S-T1");
        var id = await given.RedCrossRequestsAsync(RequestCalls.Line(tent, 10));

        var request = await RequestCalls.AllocatedAsync(App, id);

        Assert.Equal("PARTIALLY_ALLOCATED", RequestCalls.Status(request));
        Assert.Equal([(given.RedCrossDepot, tent, 3), (given.SharedDepot, tent, 4)], RequestCalls.Allocations(request));
        Assert.Equal([(tent, 3)], RequestCalls.Shortfalls(request));
        var distances = request["allocations"]!.AsArray().Select(a => a!["distanceMeters"]!.GetValue<double>()).ToList();
        Assert.True(distances[0] < 200 && distances[1] > 2000, string.Join(", ", distances));
        Assert.Equal((3, 3, 0), await RequestCalls.LevelAsync(App, given.RedCrossDepot, tent));
        Assert.Equal((4, 4, 0), await RequestCalls.LevelAsync(App, given.SharedDepot, tent));
        Assert.Equal((50, 0, 50), await RequestCalls.LevelAsync(App, given.BureauDepot, tent));
    }

    [Fact]
    public async Task Allocating_a_partially_allocated_request_again_tops_up_what_is_still_missing()
    {
        var quilt = await RequestCalls.NewItemAsync(App, "棉被");
        await StockCalls.StockAsync(App, given.SharedDepot, quilt, 6, "S-Q1");
        var id = await given.RedCrossRequestsAsync(RequestCalls.Line(quilt, 10));
        await RequestCalls.AllocatedAsync(App, id);
        await StockCalls.StockAsync(App, given.RedCrossDepot, quilt, 20, "RC-Q1");

        var request = await RequestCalls.AllocatedAsync(App, id);
        var again = await RequestCalls.ChangeAsync(App, RequestCalls.Allocate, new { requestId = id });

        Assert.Equal("ALLOCATED", RequestCalls.Status(request));
        Assert.Equal([(given.RedCrossDepot, quilt, 4), (given.SharedDepot, quilt, 6)], RequestCalls.Allocations(request));
        Assert.Empty(RequestCalls.Shortfalls(request));
        Assert.Equal((20, 4, 16), await RequestCalls.LevelAsync(App, given.RedCrossDepot, quilt));
        Assert.Equal(("INVALID_STATE", "requestId"), RequestCalls.Error(again));
    }

    [Fact]
    public async Task A_request_of_the_bureau_staff_for_the_city_draws_on_the_shared_pool_only()
    {
        var water = await RequestCalls.NewItemAsync(App, "瓶装饮用水");
        await StockCalls.StockAsync(App, given.BureauDepot, water, 10, "B-W1");
        await StockCalls.StockAsync(App, given.SharedDepot, water, 2, "S-W1");
        var id = RequestCalls.Id(await RequestCalls.RequestedAsync(App, App.Token("commander"), [RequestCalls.Line(water, 5)]));

        var request = await RequestCalls.AllocatedAsync(App, id);

        Assert.Equal([(given.SharedDepot, water, 2)], RequestCalls.Allocations(request));
        Assert.Equal([(water, 3)], RequestCalls.Shortfalls(request));
    }

    [Fact]
    public async Task With_nothing_available_the_request_is_approved_with_its_whole_shortfall_and_holds_nothing()
    {
        var pump = await RequestCalls.NewItemAsync(App, "排水泵");
        var id = await given.RedCrossRequestsAsync(RequestCalls.Line(pump, 2));

        var request = await RequestCalls.AllocatedAsync(App, id);

        Assert.Equal("APPROVED", RequestCalls.Status(request));
        Assert.Empty(request["allocations"]!.AsArray());
        Assert.Equal([(pump, 2)], RequestCalls.Shortfalls(request));
    }

    [Fact]
    public async Task A_partner_allocating_is_forbidden_and_nothing_is_reserved()
    {
        var cot = await RequestCalls.NewItemAsync(App, "折叠床");
        await StockCalls.StockAsync(App, given.RedCrossDepot, cot, 5, "RC-C1");
        var id = await given.RedCrossRequestsAsync(RequestCalls.Line(cot, 2));

        var response = await RequestCalls.CallAsync(App, RequestCalls.Allocate, new { requestId = id }, given.RedCrossPartner);

        Assert.Equal(["FORBIDDEN"], response.ErrorCodes);
        Assert.Equal((5, 0, 5), await RequestCalls.LevelAsync(App, given.RedCrossDepot, cot));
        Assert.Equal("REQUESTED", RequestCalls.Status((await RequestCalls.NodeAsync(App, id))!));
    }

    [Fact]
    public async Task A_cancelled_or_delivered_request_cannot_be_allocated_and_nothing_is_reserved()
    {
        var lamp = await RequestCalls.NewItemAsync(App, "应急灯");
        await StockCalls.StockAsync(App, given.SharedDepot, lamp, 10, "S-L1");
        var cancelled = await given.RedCrossRequestsAsync(RequestCalls.Line(lamp, 2));
        await RequestCalls.ChangedAsync(App, RequestCalls.Cancel, new { requestId = cancelled, reason = "重复申请" }, given.RedCrossPartner);
        var delivered = await given.RedCrossRequestsAsync(RequestCalls.Line(lamp, 2));
        await RequestCalls.AllocatedAsync(App, delivered);
        await RequestCalls.DispatchedAsync(App, delivered);
        await RequestCalls.ChangedAsync(App, RequestCalls.Confirm, new { requestId = delivered, received = new[] { RequestCalls.Line(lamp, 2) } });

        var onCancelled = await RequestCalls.ChangeAsync(App, RequestCalls.Allocate, new { requestId = cancelled });
        var onDelivered = await RequestCalls.ChangeAsync(App, RequestCalls.Allocate, new { requestId = delivered });

        Assert.Equal(("INVALID_STATE", "requestId"), RequestCalls.Error(onCancelled));
        Assert.Equal(("INVALID_STATE", "requestId"), RequestCalls.Error(onDelivered));
        Assert.Equal((8, 0, 8), await RequestCalls.LevelAsync(App, given.SharedDepot, lamp));
    }
}
