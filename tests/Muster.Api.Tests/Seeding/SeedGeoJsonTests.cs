using System.Text.Json.Nodes;

namespace Muster.Api.Tests.Seeding;

/// <summary>The GeoJSON files of the demo city: well formed, named, and inside Huozhou.</summary>
public sealed class SeedGeoJsonTests
{
    // Huozhou lies within about 36.45–36.70 N, 111.55–111.98 E; a swapped lat/lon or a typo lands far outside.
    private const double South = 36.40, North = 36.75, West = 111.50, East = 112.00;

    [Theory]
    [InlineData("township-seats.geojson", 12)]
    [InlineData("hazard-sites.geojson", 16)]
    public void Every_feature_has_a_name_a_kind_and_positions_inside_the_city(string file, int features)
    {
        var all = SeedFolder.Features(file);

        Assert.Equal(features, all.Count);
        Assert.All(all, feature =>
        {
            Assert.False(string.IsNullOrWhiteSpace(feature!["properties"]!["name"]?.GetValue<string>()));
            Assert.False(string.IsNullOrWhiteSpace(feature["properties"]!["kind"]?.GetValue<string>()));
            Assert.All(Positions(feature["geometry"]!), p => Assert.True(
                p.Lat is > South and < North && p.Lon is > West and < East, $"{feature["properties"]!["name"]}: {p} is outside Huozhou"));
        });
    }

    private static IEnumerable<(double Lat, double Lon)> Positions(JsonNode geometry)
    {
        var coordinates = geometry["coordinates"]!.AsArray();
        var points = geometry["type"]!.GetValue<string>() == "Point" ? [coordinates] : coordinates.Select(c => c!.AsArray());
        return points.Select(p => (p[1]!.GetValue<double>(), p[0]!.GetValue<double>()));
    }
}
