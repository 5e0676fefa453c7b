using System.Text.Json.Nodes;
using Muster.Api.Tests.Support;

namespace Muster.Api.Tests.Readiness;

/// <summary>coverage(capability, withinSeconds, demandGeoJson) over GraphQL, on the county of <see cref="ReadinessCounty"/>.</summary>
[Collection(ReadinessCountyCollection.Collection)]
public sealed class CoverageTests(ReadinessCounty county)
{
    private const string Query = """
        query($capability: String!, $within: Int!, $demand: String) {
          coverage(capability: $capability, withinSeconds: $within, demandGeoJson: $demand) {
            capability withinSeconds coveredShare coveredWeightShare backedUpShare uncoveredGeoJson pointsGeoJson
            points { id name kind weight location { lat lon } covered backedUp bestEtaSeconds secondBestEtaSeconds }
            uncovered { name }
          }
        }
        """;

    private MusterApp App => county.App;

    private async Task<JsonNode> CoverageAsync(string capability, int within, string? demand = null, string role = "commander")
    {
        var response = await App.PostAsync(Query, new { capability, within, demand }, App.Token(role));
        Assert.True(response.ErrorCodes.Count == 0, response.Text);
        return response.Data!["coverage"]!;
    }

    private static JsonNode Point(JsonNode coverage, string name) =>
        coverage["points"]!.AsArray().Single(p => p!["name"]!.GetValue<string>() == name)!;

    [Fact]
    public async Task A_commander_sees_every_hazard_site_and_seat_reached_by_a_mine_rescue_team_within_15_minutes()
    {
        var coverage = await CoverageAsync("mine-rescue", 900);

        Assert.Equal(6, coverage["points"]!.AsArray().Count); // 3 hazard sites, 2 township seats, 1 village
        Assert.Equal(1.0, coverage["coveredShare"]!.GetValue<double>());
        Assert.Equal(1.0, coverage["coveredWeightShare"]!.GetValue<double>());
        Assert.Empty(coverage["uncovered"]!.AsArray());
        var mine = Point(coverage, "白龙煤矿");
        Assert.Equal(("HAZARD_SITE", 4.0), (mine["kind"]!.GetValue<string>(), mine["weight"]!.GetValue<double>()));
        // 2 km from the first team: 60 s turnout + 2 km × 1.4 at 50 km/h ≈ 262 s; the second team is about 8.5 km away.
        Assert.InRange(mine["bestEtaSeconds"]!.GetValue<int>(), 255, 270);
        Assert.InRange(mine["secondBestEtaSeconds"]!.GetValue<int>(), 901, 1000);
        Assert.False(mine["backedUp"]!.GetValue<bool>());
        Assert.True(Point(coverage, "辛置镇")["backedUp"]!.GetValue<bool>()); // both teams reach the 辛置 seat in time
        Assert.Equal(("TOWNSHIP", 3.2), (Point(coverage, "白龙镇")["kind"]!.GetValue<string>(), Point(coverage, "白龙镇")["weight"]!.GetValue<double>()));
    }

    [Fact]
    public async Task With_a_team_out_of_service_the_places_only_it_reached_show_uncovered_on_the_map()
    {
        await StatusAsync(county.BailongTeam, "OUT_OF_SERVICE");
        try
        {
            var coverage = await CoverageAsync("mine-rescue", 900, role: "logistics");

            var uncovered = coverage["uncovered"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(["白龙化工厂", "白龙村", "白龙煤矿", "白龙镇"], uncovered);
            Assert.Equal(2.0 / 6, coverage["coveredShare"]!.GetValue<double>(), 6);
            Assert.Equal(5 / 14.2, coverage["coveredWeightShare"]!.GetValue<double>(), 6);
            var map = JsonNode.Parse(coverage["uncoveredGeoJson"]!.GetValue<string>())!;
            Assert.Equal("FeatureCollection", map["type"]!.GetValue<string>());
            Assert.Equal(4, map["features"]!.AsArray().Count);
            Assert.Contains(map["features"]!.AsArray(), f => f!["properties"]!["name"]!.GetValue<string>() == "白龙煤矿"
                && f["geometry"]!["coordinates"]![0]!.GetValue<double>() == ReadinessCounty.BailongMineLon);
            Assert.Null(Point(coverage, "白龙村")["secondBestEtaSeconds"]); // no second unit within twice the limit
        }
        finally
        {
            await StatusAsync(county.BailongTeam, "AVAILABLE");
        }
    }

    [Fact]
    public async Task Given_points_with_weights_and_names_are_covered_as_given()
    {
        var demand = new JsonObject
        {
            ["type"] = "FeatureCollection",
            ["features"] = new JsonArray(
                new JsonObject
                {
                    ["type"] = "Feature",
                    ["geometry"] = new JsonObject { ["type"] = "Point", ["coordinates"] = new JsonArray(ReadinessCounty.BailongMineLon, ReadinessCounty.BailongMineLat) },
                    ["properties"] = new JsonObject { ["name"] = "井口", ["weight"] = 10 },
                },
                new JsonObject
                {
                    ["type"] = "Feature",
                    ["geometry"] = new JsonObject { ["type"] = "MultiPoint", ["coordinates"] = new JsonArray(new JsonArray(111.5, 36.3)) },
                    ["properties"] = new JsonObject { ["name"] = "远处" },
                }),
        }.ToJsonString();

        var coverage = await CoverageAsync("mine-rescue", 900, demand);

        Assert.Equal(0.5, coverage["coveredShare"]!.GetValue<double>());
        Assert.Equal(10.0 / 11, coverage["coveredWeightShare"]!.GetValue<double>(), 6);
        Assert.Equal(["远处"], coverage["uncovered"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()));
        Assert.Equal(("given-1", "GIVEN"), (Point(coverage, "井口")["id"]!.GetValue<string>(), Point(coverage, "井口")["kind"]!.GetValue<string>()));
        Assert.Null(Point(coverage, "远处")["bestEtaSeconds"]);
    }

    [Fact]
    public async Task A_capability_nobody_carries_leaves_everything_uncovered()
    {
        var coverage = await CoverageAsync("water-rescue", 900);

        Assert.Equal(0.0, coverage["coveredWeightShare"]!.GetValue<double>());
        Assert.Equal(6, coverage["uncovered"]!.AsArray().Count);
    }

    [Theory]
    [InlineData("mine-rescue", 900, "not json", "demandGeoJson")]
    [InlineData("mine-rescue", 900, """{"type":"Polygon","coordinates":[[[111,36],[112,36],[112,37],[111,36]]]}""", "demandGeoJson")]
    [InlineData("mine-rescue", 900, """{"type":"Point","coordinates":[211.7,36.5]}""", "demandGeoJson")]
    [InlineData("mine-rescue", 900, """{"type":"Point","coordinates":[111.7,96.5]}""", "demandGeoJson")]
    [InlineData("mine-rescue", 900, """{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[111.7,36.5]},"properties":{"weight":-2}}]}""", "demandGeoJson")]
    [InlineData("mine-rescue", 900, """{"type":"FeatureCollection","features":[]}""", "demandGeoJson")]
    [InlineData("mine-rescue", 59, null, "withinSeconds")]
    [InlineData("mine-rescue", 14_401, null, "withinSeconds")]
    [InlineData("Mine Rescue!", 900, null, "capability")]
    public async Task Bad_arguments_are_refused_naming_the_argument(string capability, int within, string? demand, string argument)
    {
        var before = await App.EventCountAsync();

        var response = await App.PostAsync(Query, new { capability, within, demand }, App.Token("commander"));

        Assert.Equal(["VALIDATION"], response.ErrorCodes);
        Assert.Contains(argument, response.ErrorMessages[0]);
        Assert.Equal(before, await App.EventCountAsync());
    }

    [Fact]
    public async Task More_points_than_the_limit_are_refused()
    {
        var positions = string.Join(",", Enumerable.Range(0, 5_001).Select(i => $"[111.{i % 1000:D3},36.5]"));

        var response = await App.PostAsync(Query, new { capability = "mine-rescue", within = 900, demand = $$"""{"type":"MultiPoint","coordinates":[{{positions}}]}""" },
            App.Token("commander"));

        Assert.Equal(["VALIDATION"], response.ErrorCodes);
        Assert.Contains("more than 5,000 points", response.ErrorMessages[0]);
    }

    [Theory]
    [InlineData("admin", true)]
    [InlineData("commander", true)]
    [InlineData("logistics", true)]
    [InlineData("partner", false)]
    public async Task Coverage_is_the_bureaus_and_logistics_not_a_partners(string role, bool allowed)
    {
        var token = role == "partner" ? App.Token(role, county.MineRescueAgency) : App.Token(role);
        var response = await App.PostAsync(Query, new { capability = "mine-rescue", within = 900 }, token);

        Assert.Equal(allowed, response.ErrorCodes.Count == 0);
        if (!allowed)
        {
            Assert.Equal(["FORBIDDEN"], response.ErrorCodes);
        }
    }

    private async Task StatusAsync(string unitId, string status)
    {
        var response = await App.PostAsync(UnitCalls.ChangeStatus, new { input = new { unitId, status } }, App.Token("admin"));
        Assert.True(response.Data?["changeUnitStatus"]?["errors"]?.AsArray().Count == 0, response.Text);
    }
}
