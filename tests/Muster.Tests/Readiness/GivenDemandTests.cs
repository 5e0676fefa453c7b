using Muster.Hazards;
using Muster.Infrastructure;
using Muster.Readiness;
using Muster.Readiness.Demand;

namespace Muster.Tests.Readiness;

public sealed class GivenDemandTests
{
    [Fact]
    public void Given_a_feature_collection_when_parsing_then_each_point_keeps_its_name_and_weight_and_a_multipoint_shares_them()
    {
        var points = GivenDemand.Parse("""
            {"type":"FeatureCollection","features":[
              {"type":"Feature","geometry":{"type":"Point","coordinates":[111.7,36.5]},"properties":{"name":"井口","weight":4}},
              {"type":"Feature","geometry":{"type":"MultiPoint","coordinates":[[111.8,36.6],[111.9,36.7]]},"properties":{"name":"村"}},
              {"type":"Feature","geometry":{"type":"Point","coordinates":[111.6,36.4]},"properties":null}]}
            """, "demandGeoJson").Value!;

        Assert.Equal(
            [("given-1", "井口", 4.0, 36.5), ("given-2", "村", 1.0, 36.6), ("given-3", "村", 1.0, 36.7), ("given-4", "#4", 1.0, 36.4)],
            points.Select(p => (p.Id, p.Name, p.Weight, p.Location.Lat)));
        Assert.All(points, p => Assert.Equal(DemandKind.Given, p.Kind));
    }

    [Theory]
    [InlineData("""{"type":"Point","coordinates":[111.7]}""")]
    [InlineData("""{"type":"Point","coordinates":[111.7,-91]}""")]
    [InlineData("""{"type":"LineString","coordinates":[[111.7,36.5],[111.8,36.6]]}""")]
    [InlineData("""{"type":"Feature","geometry":{"type":"Point","coordinates":[111.7,36.5]},"properties":{"weight":"heavy"}}""")]
    [InlineData("""{"type":"Feature","geometry":{"type":"Point","coordinates":[111.7,36.5]},"properties":{"name":"a\u0000b"}}""")]
    [InlineData("""{"type":"FeatureCollection","features":[{"type":"FeatureCollection","features":[]}]}""")]
    [InlineData("""[1,2]""")]
    public void Given_bad_geojson_when_parsing_then_it_is_refused_on_the_argument(string text)
    {
        var result = GivenDemand.Parse(text, "demandGeoJson");

        Assert.Equal((ErrorCodes.Validation, "demandGeoJson"), (result.Errors[0].Code, result.Errors[0].Field));
    }

    [Fact]
    public void Given_the_default_weights_then_risk_colours_and_populations_weigh_as_documented()
    {
        var weights = new DemandWeights();

        Assert.Equal([4.0, 3.0, 2.0, 1.0], [weights.Of(RiskLevel.Red), weights.Of(RiskLevel.Orange), weights.Of(RiskLevel.Yellow), weights.Of(RiskLevel.Blue)]);
        Assert.Equal([1.0, 1.0, 3.2], [weights.OfPopulation(null), weights.OfPopulation(900), weights.OfPopulation(32_000)]);
    }
}
