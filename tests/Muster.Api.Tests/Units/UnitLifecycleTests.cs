using Microsoft.Extensions.DependencyInjection;
using Muster.Api.Tests.Support;

namespace Muster.Api.Tests.Units;

/// <summary>Registering units, moving them through their statuses and reporting positions, as commanders and partners do.</summary>
public sealed class UnitLifecycleTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private MusterApp App => fixture.App;

    [Fact]
    public async Task A_partner_registers_and_moves_its_own_unit()
    {
        var agency = await AgencyCalls.RegisterAsync(App, "霍州煤电矿山救护大队", "MINE_RESCUE");
        var partner = App.Token("partner", agency);

        var registered = await App.PostAsync(UnitCalls.Register,
            UnitCalls.Input(agency, "救护一中队", 36.60, 111.75, "MINE_RESCUE_TEAM", [" Mine-Rescue ", "rope-rescue"]), partner);
        var unit = registered.Data!["registerUnit"]!["unit"]!;
        var changed = await App.PostAsync(UnitCalls.ChangeStatus,
            new { input = new { unitId = unit["id"]!.GetValue<string>(), status = "OUT_OF_SERVICE", reason = "oxygen sets in service" } }, partner);

        Assert.Equal("AVAILABLE", unit["status"]!.GetValue<string>());
        Assert.Equal(["mine-rescue", "rope-rescue"], unit["capabilities"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Equal("OUT_OF_SERVICE", changed.Data!["changeUnitStatus"]!["unit"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_partner_cannot_register_or_move_another_agencys_unit_and_nothing_changes()
    {
        var own = await AgencyCalls.RegisterAsync(App, "辛置镇应急站", "TOWNSHIP");
        var other = await AgencyCalls.RegisterAsync(App, "霍州市消防救援大队", "FIRE_RESCUE");
        var otherUnit = await UnitCalls.RegisterAsync(App, other, "城区消防站 水罐车", 36.57, 111.72);
        var partner = App.Token("partner", own);

        var register = await App.PostAsync(UnitCalls.Register, UnitCalls.Input(other, "冒名车辆", 36.5, 111.7), partner);
        var change = await App.PostAsync(UnitCalls.ChangeStatus, new { input = new { unitId = otherUnit, status = "OUT_OF_SERVICE" } }, partner);
        var move = await App.PostAsync(UnitCalls.ReportPosition,
            new { input = new { unitId = otherUnit, location = new { lat = 36.0, lon = 111.0 }, at = DateTimeOffset.UtcNow.ToString("O") } }, partner);
        var after = await App.PostAsync("query($id: ID!) { node(id: $id) { ... on RescueUnit { status location { lat } } } }", new { id = otherUnit }, App.Token("commander"));

        Assert.Equal(["FORBIDDEN"], register.ErrorCodes);
        Assert.Equal(["FORBIDDEN"], change.ErrorCodes);
        Assert.Equal(["FORBIDDEN"], move.ErrorCodes);
        Assert.Equal("AVAILABLE", after.Data!["node"]!["status"]!.GetValue<string>());
        Assert.Equal(36.57, after.Data!["node"]!["location"]!["lat"]!.GetValue<double>());
    }

    [Fact]
    public async Task An_impossible_transition_is_INVALID_STATE()
    {
        var agency = await AgencyCalls.RegisterAsync(App, "霍州市人民医院急救站", "MEDICAL");
        var unit = await UnitCalls.RegisterAsync(App, agency, "120 急救车 3", 36.56, 111.71, "AMBULANCE");
        await App.PostAsync(UnitCalls.ChangeStatus, new { input = new { unitId = unit, status = "OUT_OF_SERVICE" } }, App.Token("commander"));

        var response = await App.PostAsync(UnitCalls.ChangeStatus, new { input = new { unitId = unit, status = "ON_SCENE" } }, App.Token("commander"));

        Assert.Equal("INVALID_STATE", UnitCalls.ErrorCode(response.Data!["changeUnitStatus"]!));
    }

    [Fact]
    public async Task Unknown_units_unknown_agencies_and_bad_input_are_refused()
    {
        var agency = await AgencyCalls.RegisterAsync(App, "白龙镇人民政府", "TOWNSHIP");
        var unknownAgency = await App.PostAsync(UnitCalls.Register,
            UnitCalls.Input(Ids.Unknown("Agency"), "x", 36.5, 111.7), App.Token("admin"));
        var badTag = await App.PostAsync(UnitCalls.Register,
            UnitCalls.Input(agency, "x", 36.5, 111.7, capabilities: ["water rescue!"]), App.Token("admin"));
        var badLatitude = await App.PostAsync(UnitCalls.Register, UnitCalls.Input(agency, "x", 123, 111.7), App.Token("admin"));
        var unknownUnit = await App.PostAsync(UnitCalls.ChangeStatus,
            new { input = new { unitId = agency, status = "ASSIGNED" } }, App.Token("commander"));
        var units = await App.PostAsync("{ units(first: 100) { edges { node { name } } } }", token: App.Token("admin"));

        Assert.Equal("NOT_FOUND", UnitCalls.ErrorCode(unknownAgency.Data!["registerUnit"]!));
        Assert.Equal("VALIDATION", UnitCalls.ErrorCode(badTag.Data!["registerUnit"]!));
        Assert.Equal(["VALIDATION"], badLatitude.ErrorCodes);
        Assert.Equal("NOT_FOUND", UnitCalls.ErrorCode(unknownUnit.Data!["changeUnitStatus"]!));
        Assert.True(units.ErrorCodes.Count == 0, units.Text);
        Assert.DoesNotContain("\"x\"", units.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_older_report_is_kept_in_the_track_but_does_not_move_the_unit()
    {
        var agency = await AgencyCalls.RegisterAsync(App, "陶唐峪乡应急队", "TOWNSHIP");
        var unit = await UnitCalls.RegisterAsync(App, agency, "抢险队 1", 36.55, 111.80, "RESCUE_TEAM");
        var now = DateTimeOffset.UtcNow;

        await UnitCalls.ReportAsync(App, unit, 36.60, 111.70, now);
        var late = await UnitCalls.ReportAsync(App, unit, 36.58, 111.74, now.AddMinutes(-3));
        var track = await App.PostAsync("query($id: ID!, $from: DateTime!, $to: DateTime!) { unitTrack(id: $id, from: $from, to: $to) { location { lat } at } }",
            new { id = unit, from = now.AddHours(-1).ToString("O"), to = now.AddHours(1).ToString("O") }, App.Token("commander"));

        Assert.Equal(36.60, late["unit"]!["location"]!["lat"]!.GetValue<double>());
        Assert.Equal([36.58, 36.60], track.Data!["unitTrack"]!.AsArray().Select(p => p!["location"]!["lat"]!.GetValue<double>()));
    }

    [Fact]
    public async Task A_report_from_the_future_is_refused()
    {
        var agency = await AgencyCalls.RegisterAsync(App, "大张镇应急队", "TOWNSHIP");
        var unit = await UnitCalls.RegisterAsync(App, agency, "抢险队 2", 36.55, 111.80, "RESCUE_TEAM");

        var payload = await UnitCalls.ReportAsync(App, unit, 36.6, 111.7, DateTimeOffset.UtcNow.AddHours(2));

        Assert.Equal("VALIDATION", UnitCalls.ErrorCode(payload));
    }

    [Fact]
    public async Task UnitAsOf_tells_the_status_at_a_past_moment()
    {
        var agency = await AgencyCalls.RegisterAsync(App, "李曹镇应急队", "TOWNSHIP");
        var unit = await UnitCalls.RegisterAsync(App, agency, "抢险队 3", 36.55, 111.80, "RESCUE_TEAM");
        await App.PostAsync(UnitCalls.ChangeStatus, new { input = new { unitId = unit, status = "ASSIGNED" } }, App.Token("commander"));
        await App.PostAsync(UnitCalls.ChangeStatus, new { input = new { unitId = unit, status = "EN_ROUTE" } }, App.Token("commander"));
        // The moment between the two changes is when the server recorded the first.
        var trail = await App.PostAsync("query($of: ID!) { auditTrail(of: $of) { edges { node { eventType at } } } }", new { of = unit }, App.Token("admin"));
        var between = trail.Data!["auditTrail"]!["edges"]!.AsArray().Select(e => e!["node"]!)
            .Where(n => n["eventType"]!.GetValue<string>() == "unit_status_changed").Select(n => n["at"]!.GetValue<string>()).First();

        var response = await App.PostAsync("query($id: ID!, $at: DateTime!) { unitAsOf(id: $id, at: $at) { status } now: node(id: $id) { ... on RescueUnit { status } } }",
            new { id = unit, at = between }, App.Token("commander"));

        Assert.Equal("ASSIGNED", response.Data!["unitAsOf"]!["status"]!.GetValue<string>());
        Assert.Equal("EN_ROUTE", response.Data!["now"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_stale_position_ranks_after_fresh_ones_and_the_job_records_it()
    {
        var agency = await AgencyCalls.RegisterAsync(App, "师庄乡应急队", "TOWNSHIP");
        var near = await UnitCalls.RegisterAsync(App, agency, "近 but silent", 36.70, 111.90, "RESCUE_TEAM", ["stale-check"]);
        var far = await UnitCalls.RegisterAsync(App, agency, "远 but reporting", 36.75, 111.95, "RESCUE_TEAM", ["stale-check"]);
        await UnitCalls.ReportAsync(App, near, 36.70, 111.90, DateTimeOffset.UtcNow.AddHours(-2));
        await UnitCalls.ReportAsync(App, far, 36.75, 111.95, DateTimeOffset.UtcNow);

        var ranked = await App.PostAsync("{ nearestUnits(near: {lat: 36.70, lon: 111.90}, capability: \"stale-check\") { unit { id } positionStale } }", token: App.Token("commander"));
        var job = ActivatorUtilities.CreateInstance<Muster.Units.Staleness.MarkStalePositions>(App.Services);
        await job.Execute(null!, CancellationToken.None);
        var trail = await App.PostAsync("query($of: ID!) { auditTrail(of: $of) { edges { node { eventType actor { subject } } } } }", new { of = near }, App.Token("admin"));

        var order = ranked.Data!["nearestUnits"]!.AsArray();
        Assert.Equal([far, near], order.Select(u => u!["unit"]!["id"]!.GetValue<string>()));
        Assert.True(order[1]!["positionStale"]!.GetValue<bool>());
        var last = trail.Data!["auditTrail"]!["edges"]!.AsArray().Last()!["node"]!;
        Assert.Equal("unit_position_went_stale", last["eventType"]!.GetValue<string>());
        Assert.Equal("system", last["actor"]!["subject"]!.GetValue<string>());
    }

    [Fact]
    public async Task Times_with_a_local_offset_are_accepted_as_the_same_instant()
    {
        var agency = await AgencyCalls.RegisterAsync(App, "开元街道应急队", "TOWNSHIP");
        var unit = await UnitCalls.RegisterAsync(App, agency, "抢险队 4", 36.55, 111.80, "RESCUE_TEAM");
        var beijing = TimeSpan.FromHours(8);
        var at = DateTimeOffset.UtcNow.AddMinutes(-1).ToOffset(beijing);

        var report = await App.PostAsync(UnitCalls.ReportPosition,
            new { input = new { unitId = unit, location = new { lat = 36.61, lon = 111.73 }, at = at.ToString("yyyy-MM-ddTHH:mm:ss.fffzzz", System.Globalization.CultureInfo.InvariantCulture) } }, App.Token("admin"));
        var asOf = await App.PostAsync("query($id: ID!, $at: DateTime!) { unitAsOf(id: $id, at: $at) { location { lat } } }",
            new { id = unit, at = DateTimeOffset.UtcNow.AddSeconds(5).ToOffset(beijing).ToString("O") }, App.Token("commander"));

        var positionAt = DateTimeOffset.Parse(report.Data!["reportUnitPosition"]!["unit"]!["positionAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(at.ToUnixTimeMilliseconds(), positionAt.ToUnixTimeMilliseconds());
        Assert.Equal(36.61, asOf.Data!["unitAsOf"]!["location"]!["lat"]!.GetValue<double>());
    }

    [Fact]
    public async Task Logistics_staff_cannot_register_move_or_report_units()
    {
        var agency = await AgencyCalls.RegisterAsync(App, "下乐坪乡应急队", "TOWNSHIP");
        var unit = await UnitCalls.RegisterAsync(App, agency, "抢险队 5", 36.55, 111.80, "RESCUE_TEAM");
        var logistics = App.Token("logistics");

        var register = await App.PostAsync(UnitCalls.Register, UnitCalls.Input(agency, "物资车", 36.5, 111.7), logistics);
        var change = await App.PostAsync(UnitCalls.ChangeStatus, new { input = new { unitId = unit, status = "OUT_OF_SERVICE" } }, logistics);
        var report = await App.PostAsync(UnitCalls.ReportPosition,
            new { input = new { unitId = unit, location = new { lat = 36.6, lon = 111.7 }, at = DateTimeOffset.UtcNow.ToString("O") } }, logistics);

        Assert.Equal(["FORBIDDEN"], register.ErrorCodes);
        Assert.Equal(["FORBIDDEN"], change.ErrorCodes);
        Assert.Equal(["FORBIDDEN"], report.ErrorCodes);
    }

    [Fact]
    public async Task A_report_off_the_globe_is_refused_and_the_unit_stays()
    {
        var agency = await AgencyCalls.RegisterAsync(App, "库拨乡应急队", "TOWNSHIP");
        var unit = await UnitCalls.RegisterAsync(App, agency, "抢险队 6", 36.55, 111.80, "RESCUE_TEAM");

        var report = await App.PostAsync(UnitCalls.ReportPosition,
            new { input = new { unitId = unit, location = new { lat = 123.0, lon = 111.7 }, at = DateTimeOffset.UtcNow.ToString("O") } }, App.Token("admin"));
        var after = await App.PostAsync("query($id: ID!) { node(id: $id) { ... on RescueUnit { location { lat } positionAt } } }", new { id = unit }, App.Token("admin"));

        Assert.Equal(["VALIDATION"], report.ErrorCodes);
        Assert.Equal(36.55, after.Data!["node"]!["location"]!["lat"]!.GetValue<double>());
        Assert.Null(after.Data!["node"]!["positionAt"]);
    }

    [Fact]
    public async Task History_of_an_id_that_names_no_unit_is_empty_not_an_error()
    {
        var agency = await AgencyCalls.RegisterAsync(App, "杨家庄乡应急队", "TOWNSHIP");

        foreach (var id in new[] { agency, Ids.Unknown("RescueUnit"), "not-an-id" })
        {
            var response = await App.PostAsync(
                "query($id: ID!, $at: DateTime!) { unitAsOf(id: $id, at: $at) { status } unitTrack(id: $id, from: $at, to: $at) { at } }",
                new { id, at = DateTimeOffset.UtcNow.ToString("O") }, App.Token("commander"));

            Assert.True(response.ErrorCodes.Count == 0, response.Text);
            Assert.Null(response.Data!["unitAsOf"]);
            Assert.Empty(response.Data!["unitTrack"]!.AsArray());
        }
    }
}
