using Muster.Api.Tests.Support;

namespace Muster.Api.Tests.Depots;

/// <summary>Registering, relocating, pledging, withdrawing and closing depots, as logistics staff and partners do.</summary>
public sealed class DepotLifecycleTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private MusterApp App => fixture.App;

    [Fact]
    public async Task A_depot_goes_through_register_relocate_pledge_withdraw_close()
    {
        var agency = await AgencyCalls.RegisterAsync(App, "霍州市红十字会", "RED_CROSS");
        var partner = App.Token("partner", agency);

        var registered = await App.PostAsync(DepotCalls.Register, DepotCalls.Input(agency, " 红十字备灾仓库 ", 36.57, 111.72, address: "鼓楼东街 8 号"), partner);
        var depot = registered.Data!["registerDepot"]!["depot"]!;
        var id = depot["id"]!.GetValue<string>();
        var relocated = await DepotCalls.ChangeAsync(App, DepotCalls.Relocate, new { depotId = id, location = new { lat = 36.59, lon = 111.75 }, address = "北环路 2 号" }, partner);
        var pledged = await DepotCalls.ChangeAsync(App, DepotCalls.Pledge, new { depotId = id }, App.Token("logistics"));
        var withdrawn = await DepotCalls.ChangeAsync(App, DepotCalls.Withdraw, new { depotId = id }, partner);
        var closed = await DepotCalls.ChangeAsync(App, DepotCalls.Close, new { depotId = id, reason = "并入市级储备库" }, App.Token("admin"));
        var node = await App.PostAsync(DepotCalls.Node, new { id }, App.Token("commander"));

        Assert.True(registered.Data!["registerDepot"]!["errors"]!.AsArray().Count == 0, registered.Text);
        Assert.Equal("红十字备灾仓库", depot["name"]!.GetValue<string>());
        Assert.Equal(agency, depot["agency"]!["id"]!.GetValue<string>());
        Assert.False(depot["shared"]!.GetValue<bool>());
        Assert.Equal((36.59, 111.75, "北环路 2 号"), (relocated["depot"]!["location"]!["lat"]!.GetValue<double>(),
            relocated["depot"]!["location"]!["lon"]!.GetValue<double>(), relocated["depot"]!["address"]!.GetValue<string>()));
        Assert.True(pledged["depot"]!["shared"]!.GetValue<bool>());
        Assert.False(withdrawn["depot"]!["shared"]!.GetValue<bool>());
        Assert.True(closed["depot"]!["closed"]!.GetValue<bool>());
        Assert.Equal((true, 36.59), (node.Data!["node"]!["closed"]!.GetValue<bool>(), node.Data!["node"]!["location"]!["lat"]!.GetValue<double>()));
    }

    [Fact]
    public async Task A_closed_depot_refuses_every_change_with_INVALID_STATE()
    {
        var agency = await AgencyCalls.RegisterAsync(App, "退役仓库所属单位", "TOWNSHIP");
        var id = await DepotCalls.RegisterAsync(App, agency, "旧仓库", 36.5, 111.7);
        var logistics = App.Token("logistics");
        await DepotCalls.ChangeAsync(App, DepotCalls.Close, new { depotId = id, reason = "拆除" }, logistics);

        var codes = new[]
        {
            await DepotCalls.ChangeAsync(App, DepotCalls.Close, new { depotId = id, reason = "again" }, logistics),
            await DepotCalls.ChangeAsync(App, DepotCalls.Relocate, new { depotId = id, location = new { lat = 36.6, lon = 111.8 } }, logistics),
            await DepotCalls.ChangeAsync(App, DepotCalls.Pledge, new { depotId = id }, logistics),
            await DepotCalls.ChangeAsync(App, DepotCalls.Withdraw, new { depotId = id }, logistics),
        }.Select(DepotCalls.ErrorCode);

        Assert.Equal(["INVALID_STATE", "INVALID_STATE", "INVALID_STATE", "INVALID_STATE"], codes);
    }

    [Fact]
    public async Task A_partner_acting_on_another_agencys_depot_is_FORBIDDEN_and_nothing_changes()
    {
        var own = await AgencyCalls.RegisterAsync(App, "辛置镇人民政府", "TOWNSHIP");
        var other = await AgencyCalls.RegisterAsync(App, "霍州煤电集团", "ENTERPRISE");
        var depot = await DepotCalls.RegisterAsync(App, other, "煤电应急仓库", 36.55, 111.70, shared: true);
        var partner = App.Token("partner", own);

        var register = await App.PostAsync(DepotCalls.Register, DepotCalls.Input(other, "冒名仓库", 36.5, 111.7), partner);
        var relocate = await App.PostAsync(DepotCalls.Relocate, new { input = new { depotId = depot, location = new { lat = 36.0, lon = 111.0 } } }, partner);
        var withdraw = await App.PostAsync(DepotCalls.Withdraw, new { input = new { depotId = depot } }, partner);
        var close = await App.PostAsync(DepotCalls.Close, new { input = new { depotId = depot, reason = "x" } }, partner);
        var commander = await App.PostAsync(DepotCalls.Pledge, new { input = new { depotId = depot } }, App.Token("commander"));
        var after = await App.PostAsync(DepotCalls.Node, new { id = depot }, App.Token("admin"));
        var count = await App.PostAsync("query($a: ID) { depots(agencyId: $a) { totalCount } }", new { a = other }, App.Token("admin"));

        Assert.Equal(["FORBIDDEN"], register.ErrorCodes);
        Assert.Equal(["FORBIDDEN"], relocate.ErrorCodes);
        Assert.Equal(["FORBIDDEN"], withdraw.ErrorCodes);
        Assert.Equal(["FORBIDDEN"], close.ErrorCodes);
        Assert.Equal(["FORBIDDEN"], commander.ErrorCodes);
        var node = after.Data!["node"]!;
        Assert.Equal((36.55, true, false), (node["location"]!["lat"]!.GetValue<double>(), node["shared"]!.GetValue<bool>(), node["closed"]!.GetValue<bool>()));
        Assert.Equal(1, count.Data!["depots"]!["totalCount"]!.GetValue<int>());
    }

    [Theory]
    [InlineData(123, 111.7)]
    [InlineData(36.5, 200)]
    public async Task An_out_of_range_position_is_a_VALIDATION_error_and_nothing_is_registered(double lat, double lon)
    {
        var agency = await AgencyCalls.RegisterAsync(App, $"坐标错误 {lat} {lon}", "TOWNSHIP");

        var response = await App.PostAsync(DepotCalls.Register, DepotCalls.Input(agency, "越界仓库", lat, lon), App.Token("admin"));
        var depots = await App.PostAsync("query($a: ID) { depots(agencyId: $a, includeClosed: true) { totalCount } }", new { a = agency }, App.Token("admin"));

        Assert.Equal(["VALIDATION"], response.ErrorCodes);
        Assert.Equal(0, depots.Data!["depots"]!["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task Unknown_depots_and_agencies_are_NOT_FOUND()
    {
        var logistics = App.Token("logistics");
        var agency = await AgencyCalls.RegisterAsync(App, "陶唐峪乡", "TOWNSHIP");

        var unknownAgency = await App.PostAsync(DepotCalls.Register, DepotCalls.Input(Ids.Unknown("Agency"), "x", 36.5, 111.7), logistics);
        var unknownDepot = await DepotCalls.ChangeAsync(App, DepotCalls.Pledge, new { depotId = Ids.Unknown("Depot") }, logistics);
        var notADepot = await DepotCalls.ChangeAsync(App, DepotCalls.Close, new { depotId = agency, reason = "x" }, logistics);

        Assert.Equal("NOT_FOUND", DepotCalls.ErrorCode(unknownAgency.Data!["registerDepot"]!));
        Assert.Equal("NOT_FOUND", DepotCalls.ErrorCode(unknownDepot));
        Assert.Equal("NOT_FOUND", DepotCalls.ErrorCode(notADepot));
    }
}
