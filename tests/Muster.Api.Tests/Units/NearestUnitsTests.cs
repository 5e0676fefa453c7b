using Marten;
using Microsoft.Extensions.DependencyInjection;
using Muster.Api.Tests.Support;
using Muster.Spatial;
using Muster.Units;
using Muster.Units.Locating;

namespace Muster.Api.Tests.Units;

/// <summary>nearestUnits and the other spatial queries, checked against an independent brute-force computation.</summary>
public sealed class NearestUnitsTests(NearestUnitsTests.RandomUnits fixture) : IClassFixture<NearestUnitsTests.RandomUnits>
{
    public sealed record Placed(string Id, double Lat, double Lon, UnitKind Kind, bool WaterRescue);

    /// <summary>Three hundred units scattered around Huozhou, of every kind, a third of them able to rescue from water.</summary>
    public sealed class RandomUnits : AppFixture
    {
        public static readonly string[] KindNames = ["FIRE_ENGINE", "RESCUE_TEAM", "MINE_RESCUE_TEAM", "AMBULANCE", "HAZMAT_TEAM", "BOAT", "HEAVY_MACHINERY", "OTHER"];

        public List<Placed> Units { get; } = [];

        public string AgencyId { get; private set; } = "";

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            AgencyId = await AgencyCalls.RegisterAsync(App, "霍州市应急管理局", "BUREAU");
            var random = new Random(20261129);
            var planned = Enumerable.Range(0, 300)
                .Select(i => (Index: i, Kind: i % KindNames.Length, Water: i % 3 == 0,
                    Lat: 36.57 + (random.NextDouble() - 0.5) * 0.6, Lon: 111.72 + (random.NextDouble() - 0.5) * 0.6))
                .ToList();
            using var gate = new SemaphoreSlim(8);
            var ids = await Task.WhenAll(planned.Select(async u =>
            {
                await gate.WaitAsync();
                try
                {
                    return await UnitCalls.RegisterAsync(App, AgencyId, $"unit {u.Index:000}", u.Lat, u.Lon, KindNames[u.Kind], u.Water ? ["water-rescue"] : ["fire"]);
                }
                finally
                {
                    gate.Release();
                }
            }));
            Units.AddRange(planned.Select(u => new Placed(ids[u.Index], u.Lat, u.Lon, (UnitKind)u.Kind, u.Water)));
        }
    }

    private static readonly GeoPoint Incident = new(36.5912, 111.7367);

    private MusterApp App => fixture.App;

    [Theory]
    [InlineData(null, 10)]
    [InlineData("water-rescue", 25)]
    public async Task NearestUnits_agrees_with_a_brute_force_geodesic_ranking(string? capability, int first)
    {
        var eta = App.Services.GetRequiredService<EtaModel>();
        var expected = fixture.Units
            .Where(u => capability is null || u.WaterRescue)
            .Select(u => (u.Id, Meters: Geodesic.Meters(Incident.Lat, Incident.Lon, u.Lat, u.Lon), u.Kind))
            .Select(u => (u.Id, u.Meters, Eta: eta.UnitSeconds(u.Kind, u.Meters)))
            .OrderBy(u => u.Eta).ThenBy(u => u.Meters)
            .Take(first).ToList();

        var response = await App.PostAsync("""
            query($near: GeoPointInput!, $capability: String, $first: Int) {
              nearestUnits(near: $near, capability: $capability, first: $first) { unit { id } distanceMeters etaSeconds }
            }
            """, new { near = new { lat = Incident.Lat, lon = Incident.Lon }, capability, first }, App.Token("commander"));

        var actual = response.Data!["nearestUnits"]!.AsArray();
        Assert.Equal(expected.Select(e => e.Id), actual.Select(a => a!["unit"]!["id"]!.GetValue<string>()));
        foreach (var (e, a) in expected.Zip(actual))
        {
            Assert.InRange(a!["distanceMeters"]!.GetValue<double>(), e.Meters * 0.995, e.Meters * 1.005);
            Assert.Equal(e.Eta, a["etaSeconds"]!.GetValue<int>());
        }
    }

    [Fact]
    public async Task UnitsWithin_returns_exactly_the_units_inside_the_radius_nearest_first()
    {
        const double radius = 8000;
        var expected = fixture.Units
            .Select(u => (u.Id, Meters: Geodesic.Meters(Incident.Lat, Incident.Lon, u.Lat, u.Lon)))
            .Where(u => u.Meters <= radius).OrderBy(u => u.Meters).Select(u => u.Id).ToList();

        var response = await App.PostAsync("query($c: GeoPointInput!) { unitsWithin(center: $c, radiusMeters: 8000) { unit { id } } }",
            new { c = new { lat = Incident.Lat, lon = Incident.Lon } }, App.Token("logistics"));

        Assert.NotEmpty(expected);
        Assert.Equal(expected, response.Data!["unitsWithin"]!.AsArray().Select(u => u!["unit"]!["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task UnitsInArea_returns_the_units_inside_a_geojson_polygon()
    {
        var (south, north, west, east) = (36.50, 36.62, 111.65, 111.78);
        var expected = fixture.Units.Where(u => u.Lat > south && u.Lat < north && u.Lon > west && u.Lon < east).Select(u => u.Id).Order().ToList();
        var polygon = $$"""{"type":"Polygon","coordinates":[[[{{west}},{{south}}],[{{east}},{{south}}],[{{east}},{{north}}],[{{west}},{{north}}],[{{west}},{{south}}]]]}""";

        var response = await App.PostAsync("query($area: String!) { unitsInArea(area: $area) { unit { id } } }", new { area = polygon }, App.Token("commander"));

        Assert.Equal(expected, response.Data!["unitsInArea"]!.AsArray().Select(u => u!["unit"]!["id"]!.GetValue<string>()).Order());
    }

    [Theory]
    [InlineData("{ nearestUnits(near: {lat: 123, lon: 111.7}) { etaSeconds } }")]
    [InlineData("{ nearestUnits(near: {lat: 36.5, lon: 200}) { etaSeconds } }")]
    [InlineData("{ nearestUnits(near: {lat: 36.5, lon: 111.7}, first: 100000) { etaSeconds } }")]
    [InlineData("{ nearestUnits(near: {lat: 36.5, lon: 111.7}, capability: \"Not A Tag\") { etaSeconds } }")]
    [InlineData("{ unitsWithin(center: {lat: 36.5, lon: 111.7}, radiusMeters: -5) { etaSeconds } }")]
    [InlineData("{ unitsInArea(area: \"{\\\"type\\\":\\\"Point\\\",\\\"coordinates\\\":[111.7,36.5]}\") { etaSeconds } }")]
    public async Task Bad_spatial_input_is_a_VALIDATION_error(string query)
    {
        var response = await App.PostAsync(query, token: App.Token("commander"));

        Assert.Equal(["VALIDATION"], response.ErrorCodes);
    }

    [Fact]
    public async Task A_partner_sees_only_its_own_agencys_units()
    {
        var response = await App.PostAsync("{ nearestUnits(near: {lat: 36.59, lon: 111.73}, first: 50) { unit { id } } units { totalCount } }",
            token: App.Token("partner", Guid.NewGuid()));

        Assert.Empty(response.Data!["nearestUnits"]!.AsArray());
        Assert.Equal(0, response.Data!["units"]!["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task Rebuilding_the_spatial_table_from_the_events_gives_the_same_answers()
    {
        const string query = "{ nearestUnits(near: {lat: 36.5912, lon: 111.7367}, first: 30) { unit { id } distanceMeters } }";
        var before = await App.PostAsync(query, token: App.Token("commander"));
        var store = App.Services.GetRequiredService<IDocumentStore>();

        await using (var connection = App.Services.GetRequiredService<Npgsql.NpgsqlDataSource>().CreateCommand($"delete from {UnitLocationsTable.Name}"))
        {
            await connection.ExecuteNonQueryAsync();
        }

        var emptied = await App.PostAsync(query, token: App.Token("commander"));
        using var daemon = await store.BuildProjectionDaemonAsync();
        await daemon.RebuildProjectionAsync<UnitLocationsProjection>(CancellationToken.None);
        var after = await App.PostAsync(query, token: App.Token("commander"));

        Assert.Empty(emptied.Data!["nearestUnits"]!.AsArray());
        Assert.Equal(before.Data!.ToJsonString(), after.Data!.ToJsonString());
    }
}
