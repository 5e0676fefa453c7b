using Marten;
using Microsoft.Extensions.DependencyInjection;
using Muster.Api.Tests.Support;
using Muster.Experts.Locating;
using Muster.Spatial;
using Npgsql;

namespace Muster.Api.Tests.Experts;

/// <summary>nearestExperts and the register's lists, checked against an independent brute-force computation.</summary>
public sealed class NearestExpertsTests(NearestExpertsTests.RandomExperts fixture) : IClassFixture<NearestExpertsTests.RandomExperts>
{
    public sealed record Placed(string Id, string Name, double Lat, double Lon, string[] Specialties, string Availability);

    /// <summary>A hundred experts scattered around Huozhou, of three sets of specialties; some engaged, some off duty.</summary>
    public sealed class RandomExperts : AppFixture
    {
        public static readonly string[][] SpecialtySets = [["mine-ventilation", "gas-drainage"], ["geology"], ["geology", "hydrology"]];

        public List<Placed> Experts { get; } = [];

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            var agency = await AgencyCalls.RegisterAsync(App, "霍州市应急专家库", "BUREAU");
            var random = new Random(20261130);
            for (var i = 0; i < 100; i++)
            {
                var (lat, lon) = (36.57 + (random.NextDouble() - 0.5) * 0.6, 111.72 + (random.NextDouble() - 0.5) * 0.6);
                var specialties = SpecialtySets[i % SpecialtySets.Length];
                var name = $"expert {random.Next(1000):000}-{i:000}";
                var id = await ExpertCalls.RegisterAsync(App, agency, name, lat, lon, specialties);
                var availability = i % 7 == 0 ? "ENGAGED" : i % 5 == 0 ? "OFF_DUTY" : "AVAILABLE";
                if (availability != "AVAILABLE")
                {
                    Assert.Null(ExpertCalls.ErrorCode(await ExpertCalls.ChangeAsync(App, id, availability)));
                }

                Experts.Add(new Placed(id, name, lat, lon, specialties, availability));
            }
        }
    }

    private static readonly GeoPoint Incident = new(36.5912, 111.7367);

    private MusterApp App => fixture.App;

    [Theory]
    [InlineData(null, "AVAILABLE", 5)]
    [InlineData("geology", "AVAILABLE", 25)]
    [InlineData("hydrology", null, 50)]
    [InlineData(null, "OFF_DUTY", 50)]
    public async Task NearestExperts_agrees_with_a_brute_force_geodesic_ranking(string? specialty, string? availability, int first)
    {
        var eta = App.Services.GetRequiredService<EtaModel>();
        var expected = fixture.Experts
            .Where(e => (specialty is null || e.Specialties.Contains(specialty)) && (availability is null || e.Availability == availability))
            .Select(e => (e.Id, Meters: Geodesic.Meters(Incident.Lat, Incident.Lon, e.Lat, e.Lon)))
            .Select(e => (e.Id, e.Meters, Eta: eta.ExpertSeconds(e.Meters)))
            .OrderBy(e => e.Eta).ThenBy(e => e.Meters)
            .Take(first).ToList();

        var response = await App.PostAsync("""
            query($near: GeoPointInput!, $specialty: String, $availability: ExpertAvailability, $first: Int) {
              nearestExperts(near: $near, specialty: $specialty, availability: $availability, first: $first) { expert { id } distanceMeters etaSeconds }
            }
            """, new { near = new { lat = Incident.Lat, lon = Incident.Lon }, specialty, availability, first }, App.Token("commander"));

        var actual = response.Data!["nearestExperts"]!.AsArray();
        Assert.True(expected.Count >= Math.Min(first, 5), "the fixture should leave something to rank");
        Assert.Equal(expected.Select(e => e.Id), actual.Select(a => a!["expert"]!["id"]!.GetValue<string>()));
        foreach (var (e, a) in expected.Zip(actual))
        {
            Assert.InRange(a!["distanceMeters"]!.GetValue<double>(), e.Meters * 0.995, e.Meters * 1.005);
            Assert.Equal(e.Eta, a["etaSeconds"]!.GetValue<int>());
        }
    }

    [Fact]
    public async Task NearestExperts_defaults_to_five_available_experts()
    {
        var response = await App.PostAsync("{ nearestExperts(near: {lat: 36.5912, lon: 111.7367}) { expert { availability } } }", token: App.Token("admin"));

        Assert.Equal(Enumerable.Repeat("AVAILABLE", 5), response.Data!["nearestExperts"]!.AsArray().Select(e => e!["expert"]!["availability"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("{ nearestExperts(near: {lat: 123, lon: 111.7}) { etaSeconds } }")]
    [InlineData("{ nearestExperts(near: {lat: NaN, lon: 111.7}) { etaSeconds } }")]
    [InlineData("{ nearestExperts(near: {lat: 36.5, lon: 200}) { etaSeconds } }")]
    [InlineData("{ nearestExperts(near: {lat: 36.5, lon: 111.7}, first: 100000) { etaSeconds } }")]
    [InlineData("{ nearestExperts(near: {lat: 36.5, lon: 111.7}, first: 51) { etaSeconds } }")]
    [InlineData("{ nearestExperts(near: {lat: 36.5, lon: 111.7}, first: 0) { etaSeconds } }")]
    [InlineData("{ nearestExperts(near: {lat: 36.5, lon: 111.7}, specialty: \"Not A Tag\") { etaSeconds } }")]
    [InlineData("{ experts(specialty: \"hazardous chemicals!\") { totalCount } }")]
    [InlineData("{ experts(first: 101) { totalCount } }")]
    public async Task Bad_query_input_is_a_VALIDATION_error(string query)
    {
        var response = await App.PostAsync(query, token: App.Token("commander"));

        Assert.False(response.Data is { } data && data.AsObject().Any(field => field.Value is not null), response.Text);
        Assert.Equal(["VALIDATION"], response.ErrorCodes);
    }

    [Fact]
    public async Task Experts_pages_through_the_whole_filtered_register_by_name()
    {
        var expected = fixture.Experts.Where(e => e.Specialties.Contains("geology") && e.Availability == "AVAILABLE")
            .OrderBy(e => e.Name, StringComparer.Ordinal).Select(e => e.Id).ToList();
        var seen = new List<string>();
        string? after = null;
        int total;
        do
        {
            var response = await App.PostAsync("""
                query($after: String) {
                  experts(specialty: "geology", availability: AVAILABLE, first: 7, after: $after) {
                    totalCount pageInfo { hasNextPage endCursor } edges { node { id } }
                  }
                }
                """, new { after }, App.Token("logistics"));
            var page = response.Data!["experts"]!;
            total = page["totalCount"]!.GetValue<int>();
            seen.AddRange(page["edges"]!.AsArray().Select(e => e!["node"]!["id"]!.GetValue<string>()));
            after = page["pageInfo"]!["hasNextPage"]!.GetValue<bool>() ? page["pageInfo"]!["endCursor"]!.GetValue<string>() : null;
        }
        while (after is not null);

        Assert.Equal(expected.Count, total);
        Assert.Equal(expected, seen);
    }

    [Fact]
    public async Task ExpertSpecialties_counts_the_tags_in_use_most_common_first()
    {
        var expected = fixture.Experts.SelectMany(e => e.Specialties).GroupBy(t => t)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}:{g.Count()}");

        var response = await App.PostAsync("{ expertSpecialties { tag count } }", token: App.Token("commander"));

        Assert.Equal(expected, response.Data!["expertSpecialties"]!.AsArray().Select(t => $"{t!["tag"]}:{t["count"]}"));
    }

    [Fact]
    public async Task ExpertsGeoJson_is_a_feature_collection_of_points_in_longitude_latitude_order()
    {
        var expected = fixture.Experts.Where(e => e.Specialties.Contains("hydrology")).ToDictionary(e => e.Id);

        var response = await App.PostAsync("{ expertsGeoJson(specialty: \"hydrology\", availability: null) }", token: App.Token("commander"));

        var collection = System.Text.Json.Nodes.JsonNode.Parse(response.Data!["expertsGeoJson"]!.GetValue<string>())!;
        var features = collection["features"]!.AsArray();
        Assert.Equal("FeatureCollection", collection["type"]!.GetValue<string>());
        Assert.Equal(expected.Keys.Order(), features.Select(f => f!["id"]!.GetValue<string>()).Order());
        foreach (var feature in features)
        {
            var placed = expected[feature!["id"]!.GetValue<string>()];
            var coordinates = feature["geometry"]!["coordinates"]!.AsArray().Select(c => c!.GetValue<double>()).ToList();
            Assert.Equal(2, coordinates.Count);
            Assert.Equal(placed.Lon, coordinates[0], 1e-9);
            Assert.Equal(placed.Lat, coordinates[1], 1e-9);
            Assert.Equal(placed.Availability, feature["properties"]!["availability"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task The_spatial_table_has_its_gist_and_gin_indexes()
    {
        await using var command = App.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand(
            "select indexdef from pg_indexes where schemaname || '.' || tablename = @table order by indexname");
        command.Parameters.AddWithValue("table", ExpertLocationsTable.Name);
        var definitions = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                definitions.Add(reader.GetString(0));
            }
        }

        Assert.Contains(definitions, d => d.Contains("USING gin (specialties)", StringComparison.Ordinal));
        Assert.Contains(definitions, d => d.Contains("USING gist (location)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Rebuilding_the_spatial_table_from_the_events_gives_the_same_answers()
    {
        const string query = "{ nearestExperts(near: {lat: 36.5912, lon: 111.7367}, availability: null, first: 40) { expert { id availability } distanceMeters } }";
        var before = await App.PostAsync(query, token: App.Token("commander"));
        await using (var delete = App.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand($"delete from {ExpertLocationsTable.Name}"))
        {
            await delete.ExecuteNonQueryAsync();
        }

        var emptied = await App.PostAsync(query, token: App.Token("commander"));
        using var daemon = await App.Services.GetRequiredService<IDocumentStore>().BuildProjectionDaemonAsync();
        await daemon.RebuildProjectionAsync<ExpertLocationsProjection>(CancellationToken.None);
        var after = await App.PostAsync(query, token: App.Token("commander"));

        Assert.Empty(emptied.Data!["nearestExperts"]!.AsArray());
        Assert.Equal(40, after.Data!["nearestExperts"]!.AsArray().Count);
        Assert.Equal(before.Data!.ToJsonString(), after.Data!.ToJsonString());
    }
}
