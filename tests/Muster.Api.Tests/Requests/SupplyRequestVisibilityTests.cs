using Muster.Api.Tests.Support;

namespace Muster.Api.Tests.Requests;

/// <summary>A partner sees its own agency's requests only: in the list, through node/nodes, and live.</summary>
public sealed class SupplyRequestVisibilityTests(RequestingAgencies given) : IClassFixture<RequestingAgencies>
{
    private MusterApp App => given.App;

    [Fact]
    public async Task A_partner_lists_and_fetches_its_own_agencys_requests_only()
    {
        var item = await RequestCalls.NewItemAsync(App);
        var own = RequestCalls.Id(await RequestCalls.RequestedAsync(App, given.MineRescuePartner, [RequestCalls.Line(item, 1)]));
        var ownSecond = RequestCalls.Id(await RequestCalls.RequestedAsync(App, given.MineRescuePartner, [RequestCalls.Line(item, 2)]));
        var redCross = await given.RedCrossRequestsAsync(RequestCalls.Line(item, 1));

        var listed = await App.PostAsync(RequestCalls.List, new { first = 50 }, given.MineRescuePartner);
        var nodes = await App.PostAsync("query($ids: [ID!]!) { nodes(ids: $ids) { ... on SupplyRequest { id } } }", new { ids = new[] { own, redCross } }, given.MineRescuePartner);

        var ids = listed.Data!["supplyRequests"]!["edges"]!.AsArray().Select(e => e!["node"]!["id"]!.GetValue<string>()).ToList();
        Assert.Contains(own, ids);
        Assert.DoesNotContain(redCross, ids);
        Assert.Equal(own, nodes.Data!["nodes"]![0]!["id"]!.GetValue<string>());
        Assert.Null(nodes.Data!["nodes"]![1]);
        Assert.Null(await RequestCalls.NodeAsync(App, redCross, given.MineRescuePartner));
    }

    [Fact]
    public async Task Logistics_lists_every_request_newest_first_by_status_and_agency()
    {
        var item = await RequestCalls.NewItemAsync(App);
        var older = await given.RedCrossRequestsAsync(RequestCalls.Line(item, 1));
        var newer = await given.RedCrossRequestsAsync(RequestCalls.Line(item, 2));
        await RequestCalls.ChangedAsync(App, RequestCalls.Reject, new { requestId = older, reason = "重复" });

        var requested = await App.PostAsync(RequestCalls.List, new { status = "REQUESTED", agencyId = given.RedCross, first = 100 }, given.Logistics);
        var all = await App.PostAsync(RequestCalls.List, new { agencyId = given.RedCross, first = 100 }, given.Logistics);

        var requestedIds = requested.Data!["supplyRequests"]!["edges"]!.AsArray().Select(e => e!["node"]!["id"]!.GetValue<string>()).ToList();
        var allIds = all.Data!["supplyRequests"]!["edges"]!.AsArray().Select(e => e!["node"]!["id"]!.GetValue<string>()).ToList();
        Assert.Contains(newer, requestedIds);
        Assert.DoesNotContain(older, requestedIds);
        Assert.True(allIds.IndexOf(newer) < allIds.IndexOf(older), "newest first");
        Assert.All(all.Data!["supplyRequests"]!["edges"]!.AsArray(), e => Assert.Equal(given.RedCross, e!["node"]!["agency"]!["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_partner_hears_of_changes_to_its_own_agencys_requests_only()
    {
        var item = await RequestCalls.NewItemAsync(App);
        var redCross = await given.RedCrossRequestsAsync(RequestCalls.Line(item, 1));
        var own = RequestCalls.Id(await RequestCalls.RequestedAsync(App, given.MineRescuePartner, [RequestCalls.Line(item, 1)]));
        var ownSecond = RequestCalls.Id(await RequestCalls.RequestedAsync(App, given.MineRescuePartner, [RequestCalls.Line(item, 2)]));
        await using var socket = await GraphQLSocket.SubscribeListeningAsync(App, given.MineRescuePartner, "requests",
            "subscription { supplyRequestChanged(status: APPROVED) { id status } }");

        await RequestCalls.ChangedAsync(App, RequestCalls.Approve, new { requestId = redCross });
        await RequestCalls.ChangedAsync(App, RequestCalls.Approve, new { requestId = own });
        var heard = await socket.ReceiveAsync();
        await RequestCalls.ChangedAsync(App, RequestCalls.Approve, new { requestId = ownSecond });
        var then = await socket.ReceiveAsync(); // changes arrive in commit order: nothing else came in between

        Assert.Equal((own, "APPROVED"), Request(heard));
        Assert.Equal((ownSecond, "APPROVED"), Request(then));
    }

    private static (string, string) Request(System.Text.Json.Nodes.JsonNode message)
    {
        var request = message["payload"]!["data"]!["supplyRequestChanged"]!;
        return (request["id"]!.GetValue<string>(), request["status"]!.GetValue<string>());
    }
}
