using System.Text.Json.Nodes;
using Muster.Api.Tests.Support;
using Muster.Jurisdictions.Areas;
using NetTopologySuite.Geometries;

namespace Muster.Api.Tests.Seeding;

/// <summary>The supervision network handbook of the demo city: a believable county sketch around every demo feature, loaded into the network.</summary>
[Collection(SeededCity.Collection)]
public sealed class SeedHandbookTests(SeededCity city)
{
    private MusterApp App => city.App;

    private static Geometry County => JurisdictionGeometry.Read(SeedFolder.Features("county-boundary.geojson")[0]!["geometry"]!.ToJsonString());

    [Fact]
    public void The_county_sketch_is_about_765_square_kilometres_around_the_city_centre()
    {
        // Area on a plane scaled to the latitude: good to a fraction of a percent over 30 km.
        var scale = Math.Cos(36.57 * Math.PI / 180);
        var squareKilometres = County.Area * 111.32 * 111.32 * scale;

        Assert.InRange(squareKilometres, 765 * 0.95, 765 * 1.05);
        Assert.True(County.Covers(new Point(111.72, 36.57)));
    }

    [Theory]
    [InlineData("township-seats.geojson")]
    [InlineData("hazard-sites.geojson")]
    public void Every_feature_of_the_demo_data_lies_inside_the_county_sketch(string file)
    {
        var county = County;
        Assert.All(SeedFolder.Features(file), feature =>
            Assert.True(county.Covers(JurisdictionGeometry.Read(feature!["geometry"]!.ToJsonString())), $"{feature["properties"]!["name"]} lies outside the county"));
    }

    [Fact]
    public async Task The_network_has_the_county_its_twelve_townships_kept_by_their_governments_and_five_villages()
    {
        var response = await App.PostAsync("{ jurisdictions(first: 100) { items { name level agency { name } responsiblePersons { role } } } }", token: App.Token("admin"));

        var all = response.Data!["jurisdictions"]!["items"]!.AsArray();
        Assert.Equal((1, 12, 5), (Level(all, "COUNTY"), Level(all, "TOWNSHIP"), Level(all, "VILLAGE")));
        var seats = SeedFolder.Features("township-seats.geojson");
        Assert.All(seats, seat =>
        {
            var township = all.Single(j => j!["name"]!.GetValue<string>() == seat!["properties"]!["name"]!.GetValue<string>())!;
            Assert.Equal(seat!["properties"]!["government"]!.GetValue<string>(), township["agency"]!["name"]!.GetValue<string>());
            Assert.Contains(township["responsiblePersons"]!.AsArray(), p => p!["role"]!.GetValue<string>().Contains("安全", StringComparison.Ordinal));
        });
    }

    [Fact]
    public async Task Every_hazard_site_lies_in_the_township_the_ledger_names_and_every_coal_mine_has_its_mine_manager()
    {
        foreach (var site in SeedFolder.Features("hazard-sites.geojson").Where(s => s!["geometry"]!["type"]!.GetValue<string>() == "Point"))
        {
            var position = site!["geometry"]!["coordinates"]!.AsArray();
            var at = await JurisdictionCalls.AtAsync(App, position[1]!.GetValue<double>(), position[0]!.GetValue<double>(), App.Token("admin"));
            var township = at!["level"]!.GetValue<string>() == "VILLAGE" ? at["parent"]!["name"]!.GetValue<string>() : at["name"]!.GetValue<string>();
            Assert.True(site["properties"]!["township"]!.GetValue<string>() == township, $"{site["properties"]!["name"]} lies in {township}");
            if (site["properties"]!["kind"]!.GetValue<string>() == "coal-mine")
            {
                var mine = at["enterprises"]!.AsArray().Single(e => e!["name"]!.GetValue<string>() == site["properties"]!["name"]!.GetValue<string>())!;
                Assert.Contains(mine["responsiblePersons"]!.AsArray(), p => p!["role"]!.GetValue<string>() == "矿长");
            }
        }
    }

    private static int Level(JsonArray all, string level) => all.Count(j => j!["level"]!.GetValue<string>() == level);
}
