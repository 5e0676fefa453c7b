using Muster.Api.Tests.Support;
using static Muster.Api.Tests.Hazards.HazardCalls;

namespace Muster.Api.Tests.Hazards;

/// <summary>The hazard ledger through GraphQL: sites placed in their jurisdiction, graded again, and refused bad input that changes nothing.</summary>
public sealed class HazardLedgerTests(HazardCounty county) : IClassFixture<HazardCounty>
{
    private MusterApp App => county.App;

    [Fact]
    public async Task A_commander_registers_a_mine_and_a_river_section_and_finds_them_by_colour_kind_and_jurisdiction()
    {
        var commander = App.Token("commander");
        var mine = await RegisterAsync(App, Mine("白龙煤矿 台账测试"));
        var river = await CallAsync(App, Register, new
        {
            name = "汾河 台账测试段", kind = "RIVER_SECTION", riskLevel = "YELLOW",
            geometry = """{"type":"LineString","coordinates":[[111.703,36.57],[111.701,36.55],[111.70,36.53]]}""",
            responsible = new { role = "河长", name = "河长（示例）", phone = "0357-0000108" }, incidentKinds = new[] { "FLOOD" },
        }, commander);

        var red = await App.PostAsync(Sites, new { riskLevel = "RED" }, commander);
        var rivers = await App.PostAsync(Sites, new { kind = "RIVER_SECTION" }, commander);
        var inBailong = await App.PostAsync(Sites, new { jurisdictionId = Jurisdiction(county.Bailong) }, commander);
        var site = river["site"]!;

        Assert.Contains("白龙煤矿 台账测试", Names(red));
        Assert.DoesNotContain("汾河 台账测试段", Names(red));
        Assert.Equal(["汾河 台账测试段"], Names(rivers).Where(n => n.Contains("台账测试", StringComparison.Ordinal)));
        Assert.Contains("白龙煤矿 台账测试", Names(inBailong));
        Assert.Equal(Jurisdiction(county.Bailong), site["jurisdictionId"]!.GetValue<string>());
        Assert.Contains("\"LineString\"", site["geometry"]!.GetValue<string>(), StringComparison.Ordinal);
        // The middle of the line along its length: on the line, between its second and third positions' latitudes.
        Assert.Equal(36.55, site["location"]!["lat"]!.GetValue<double>(), 0.001);
        Assert.Equal(111.701, site["location"]!["lon"]!.GetValue<double>(), 0.001);
        Assert.False(string.IsNullOrEmpty(mine));
    }

    [Fact]
    public async Task Grading_a_site_again_changes_its_colour_and_keeps_the_history()
    {
        var site = await RegisterAsync(App, Mine("曹村煤矿 分级测试", riskLevel: "RED"));

        var changed = await CallAsync(App, ChangeRiskLevel, new { siteId = site, riskLevel = "ORANGE", reason = "瓦斯治理工程完工，经评估降为较大风险" }, App.Token("commander"));
        var same = await CallAsync(App, ChangeRiskLevel, new { siteId = site, riskLevel = "ORANGE", reason = "再次" }, App.Token("commander"));
        var trail = await App.PostAsync("query($of: ID!) { auditTrail(of: $of) { edges { node { eventType } } } }", new { of = site }, App.Token("admin"));

        Assert.Equal("ORANGE", changed["site"]!["riskLevel"]!.GetValue<string>());
        Assert.Equal(("INVALID_STATE", "riskLevel"), Error(same));
        Assert.Contains(trail.Data!["auditTrail"]!["edges"]!.AsArray(), e => e!["node"]!["eventType"]!.GetValue<string>() == "hazard_site_risk_level_changed");
    }

    [Fact]
    public async Task Bad_input_is_refused_on_its_field_and_nothing_is_written()
    {
        var commander = App.Token("commander");
        var site = await RegisterAsync(App, Mine("李雅庄煤矿 错误输入测试"));
        var danger = await ReportAsync(App, site, county.Clock.GetUtcNow().AddDays(3));
        await CallAsync(App, Rectify, new { dangerId = danger, evidence = "已整改，验收合格" }, commander);
        var before = await App.EventCountAsync();

        var unknownSite = await CallAsync(App, Inspect, new { siteId = Ids.Unknown("HazardSite"), at = county.Clock.GetUtcNow(), inspector = "检查组", findings = "正常" }, commander);
        var pastDeadline = await CallAsync(App, Report, new { siteId = site, description = "护坡松动", severity = "GENERAL", deadline = county.Clock.GetUtcNow().AddHours(-1), responsiblePerson = "甲" }, commander);
        var blank = await CallAsync(App, Report, new { siteId = site, description = "   ", severity = "GENERAL", deadline = county.Clock.GetUtcNow().AddDays(1), responsiblePerson = "甲" }, commander);
        var polygon = await CallAsync(App, Register, new { name = "多边形", kind = "OTHER", riskLevel = "BLUE", geometry = """{"type":"Polygon","coordinates":[]}""" }, commander);
        var notJson = await CallAsync(App, Register, new { name = "坏几何", kind = "OTHER", riskLevel = "BLUE", geometry = "{" }, commander);
        var outside = await CallAsync(App, Register, Mine("太原某矿", lat: 37.87, lon: 112.55), commander);
        var twice = await CallAsync(App, Rectify, new { dangerId = danger, evidence = "再次整改" }, commander);
        var sameName = await CallAsync(App, Register, Mine("李雅庄煤矿 错误输入测试"), commander);

        Assert.Equal(("NOT_FOUND", "siteId"), Error(unknownSite));
        Assert.Equal(("VALIDATION", "deadline"), Error(pastDeadline));
        Assert.Equal(("VALIDATION", "description"), Error(blank));
        Assert.Equal(("VALIDATION", "geometry"), Error(polygon));
        Assert.Equal(("VALIDATION", "geometry"), Error(notJson));
        Assert.Equal(("VALIDATION", "location"), Error(outside));
        Assert.Contains("outside the county", outside["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(("INVALID_STATE", "dangerId"), Error(twice));
        Assert.Equal(("CONFLICT", "name"), Error(sameName));
        Assert.Equal(before, await App.EventCountAsync());
    }

    public static string Jurisdiction(Guid id) => Muster.Api.GraphQL.Relay.GlobalId.Encode("Jurisdiction", id);
}
