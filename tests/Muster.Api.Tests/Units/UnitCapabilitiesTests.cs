using Muster.Api.Tests.Support;

namespace Muster.Api.Tests.Units;

/// <summary>A partner or an admin corrects a unit's capability tags; search and the register's tag counts follow.</summary>
public sealed class UnitCapabilitiesTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private const string Change = """
        mutation($input: ChangeUnitCapabilitiesInput!) {
          changeUnitCapabilities(input: $input) { unit { id capabilities } errors { code message field } }
        }
        """;

    private MusterApp App => fixture.App;

    [Fact]
    public async Task A_partner_corrects_its_units_tags_and_nearest_units_and_the_tag_counts_follow()
    {
        var agency = await AgencyCalls.RegisterAsync(App, "霍州煤电水上救援队", "MINE_RESCUE");
        var unit = await UnitCalls.RegisterAsync(App, agency, "冲锋舟 1", 36.55, 111.70, "BOAT", ["boat-rescue"]);

        var changed = await App.PostAsync(Change, new { input = new { unitId = unit, capabilities = new[] { " Water-Rescue ", "diving" } } }, App.Token("partner", agency));
        var water = await NearestAsync("water-rescue");
        var boat = await NearestAsync("boat-rescue");
        var tags = await App.PostAsync("{ unitCapabilities { tag count } }", token: App.Token("partner", agency));

        Assert.Equal(["water-rescue", "diving"], changed.Data!["changeUnitCapabilities"]!["unit"]!["capabilities"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Contains(unit, water);
        Assert.DoesNotContain(unit, boat);
        Assert.Equal(
            [("diving", 1), ("water-rescue", 1)],
            tags.Data!["unitCapabilities"]!.AsArray().Select(t => (t!["tag"]!.GetValue<string>(), t["count"]!.GetValue<int>())).Order());
    }

    [Fact]
    public async Task Another_agencys_partner_a_commander_and_a_bad_tag_are_refused_and_nothing_changes()
    {
        var own = await AgencyCalls.RegisterAsync(App, "霍州市消防救援大队", "FIRE_RESCUE");
        var other = await AgencyCalls.RegisterAsync(App, "陶唐峪乡应急站", "TOWNSHIP");
        var unit = await UnitCalls.RegisterAsync(App, own, "抢险救援车", 36.57, 111.72, "FIRE_ENGINE", ["fire", "rope-rescue"]);

        var otherPartner = await App.PostAsync(Change, new { input = new { unitId = unit, capabilities = new[] { "hazmat" } } }, App.Token("partner", other));
        var commander = await App.PostAsync(Change, new { input = new { unitId = unit, capabilities = new[] { "hazmat" } } }, App.Token("commander"));
        var badTag = await App.PostAsync(Change, new { input = new { unitId = unit, capabilities = new[] { "water rescue!" } } }, App.Token("admin"));
        var unknown = await App.PostAsync(Change, new { input = new { unitId = own, capabilities = new[] { "hazmat" } } }, App.Token("admin"));
        var after = await App.PostAsync("query($id: ID!) { node(id: $id) { ... on RescueUnit { capabilities } } }", new { id = unit }, App.Token("admin"));

        Assert.Equal(["FORBIDDEN"], otherPartner.ErrorCodes);
        Assert.Equal(["FORBIDDEN"], commander.ErrorCodes);
        Assert.Equal("VALIDATION", UnitCalls.ErrorCode(badTag.Data!["changeUnitCapabilities"]!));
        Assert.Equal("NOT_FOUND", UnitCalls.ErrorCode(unknown.Data!["changeUnitCapabilities"]!));
        Assert.Equal(["fire", "rope-rescue"], after.Data!["node"]!["capabilities"]!.AsArray().Select(t => t!.GetValue<string>()));
    }

    private async Task<List<string>> NearestAsync(string capability)
    {
        var response = await App.PostAsync(
            "query($c: String!) { nearestUnits(near: { lat: 36.55, lon: 111.70 }, capability: $c, first: 50) { unit { id } } }",
            new { c = capability }, App.Token("commander"));
        return response.Data!["nearestUnits"]!.AsArray().Select(d => d!["unit"]!["id"]!.GetValue<string>()).ToList();
    }
}
