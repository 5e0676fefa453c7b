using Muster.Api.Tests.Support;

namespace Muster.Api.Tests.Requests;

public sealed class ApproveAndRejectTests(RequestingAgencies given) : IClassFixture<RequestingAgencies>
{
    private MusterApp App => given.App;

    [Fact]
    public async Task Logistics_approves_a_request_once()
    {
        var id = await given.RedCrossRequestsAsync(RequestCalls.Line(await RequestCalls.NewItemAsync(App), 5));

        var approved = await RequestCalls.ChangedAsync(App, RequestCalls.Approve, new { requestId = id });
        var again = await RequestCalls.ChangeAsync(App, RequestCalls.Approve, new { requestId = id });

        Assert.Equal("APPROVED", RequestCalls.Status(approved));
        Assert.Equal(("INVALID_STATE", "requestId"), RequestCalls.Error(again));
    }

    [Fact]
    public async Task A_partner_approving_rejecting_or_allocating_is_forbidden_and_changes_nothing()
    {
        var id = await given.RedCrossRequestsAsync(RequestCalls.Line(await RequestCalls.NewItemAsync(App), 5));

        var approve = await RequestCalls.CallAsync(App, RequestCalls.Approve, new { requestId = id }, given.RedCrossPartner);
        var reject = await RequestCalls.CallAsync(App, RequestCalls.Reject, new { requestId = id, reason = "不要了" }, given.RedCrossPartner);
        var allocate = await RequestCalls.CallAsync(App, RequestCalls.Allocate, new { requestId = id }, given.RedCrossPartner);
        var commander = await RequestCalls.CallAsync(App, RequestCalls.Approve, new { requestId = id }, App.Token("commander"));

        Assert.All([approve, reject, allocate, commander], r => Assert.Equal(["FORBIDDEN"], r.ErrorCodes));
        Assert.Equal("REQUESTED", RequestCalls.Status((await RequestCalls.NodeAsync(App, id))!));
    }

    [Fact]
    public async Task A_rejected_request_keeps_its_reason_and_cannot_be_allocated()
    {
        var id = await given.RedCrossRequestsAsync(RequestCalls.Line(await RequestCalls.NewItemAsync(App), 5));

        var noReason = await RequestCalls.ChangeAsync(App, RequestCalls.Reject, new { requestId = id, reason = "  " });
        var rejected = await RequestCalls.ChangedAsync(App, RequestCalls.Reject, new { requestId = id, reason = "已由乡镇自行解决" });
        var allocate = await RequestCalls.ChangeAsync(App, RequestCalls.Allocate, new { requestId = id });

        Assert.Equal(("VALIDATION", "reason"), RequestCalls.Error(noReason));
        Assert.Equal(("REJECTED", "已由乡镇自行解决"), (RequestCalls.Status(rejected), rejected["decisionReason"]!.GetValue<string>()));
        Assert.Equal(("INVALID_STATE", "requestId"), RequestCalls.Error(allocate));
    }

    [Fact]
    public async Task Unknown_and_mistyped_request_ids_are_not_found()
    {
        var unknown = await RequestCalls.ChangeAsync(App, RequestCalls.Approve, new { requestId = Ids.Unknown("SupplyRequest") });
        var depot = await RequestCalls.ChangeAsync(App, RequestCalls.Allocate, new { requestId = given.SharedDepot });

        Assert.Equal(("NOT_FOUND", "requestId"), RequestCalls.Error(unknown));
        Assert.Equal(("NOT_FOUND", "requestId"), RequestCalls.Error(depot));
    }
}
