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

    // nearestUnits reads the units' documents only when the selection asks for a field the location row does not hold
    // (name, crew, home station, …). The tests below hold both paths to the same answer.

    private const string RowSelection = "distanceMeters etaSeconds positionStale unit { __typename id kind status capabilities location { lat lon } agency { id } }";

    private const string DocumentSelection = "distanceMeters etaSeconds positionStale unit { __typename id kind status capabilities location { lat lon } agency { id } name crewSize homeStation { lat lon } positionAt }";

    private async Task<System.Text.Json.Nodes.JsonArray> NearestAsync(string selection, GeoPoint near, string? capability, int first, string token, string fragments = "")
    {
        var response = await App.PostAsync($$"""
            query($near: GeoPointInput!, $capability: String, $first: Int) {
              nearestUnits(near: $near, capability: $capability, first: $first) { {{selection}} }
            }
            {{fragments}}
            """, new { near = new { lat = near.Lat, lon = near.Lon }, capability, first }, token);
        Assert.True(response.ErrorCodes.Count == 0, response.Text);
        return response.Data!["nearestUnits"]!.AsArray();
    }

    /// <summary>What both selections hold: the row's fields, compared as JSON.</summary>
    private static List<string> RowPart(System.Text.Json.Nodes.JsonArray answer) =>
        answer.Select(a => System.Text.Json.Nodes.JsonNode.Parse(a!.ToJsonString())!.AsObject()).Select(a =>
        {
            foreach (var field in new[] { "name", "crewSize", "homeStation", "positionAt" })
            {
                a["unit"]!.AsObject().Remove(field);
            }

            return a.ToJsonString();
        }).ToList();

    [Theory]
    [InlineData(null, 10)]
    [InlineData("water-rescue", 25)]
    [InlineData(null, 50)]
    public async Task A_selection_that_needs_the_units_documents_answers_the_same_units_in_the_same_order_as_one_that_does_not(string? capability, int first)
    {
        var token = App.Token("commander");

        var fromRows = await NearestAsync(RowSelection, Incident, capability, first, token);
        var fromDocuments = await NearestAsync(DocumentSelection, Incident, capability, first, token);
        var throughFragment = await NearestAsync("...D", Incident, capability, first, token, "fragment D on UnitDistance { " + RowSelection + " }");

        Assert.Equal(first, fromRows.Count);
        Assert.Equal(RowPart(fromRows), RowPart(fromDocuments));
        Assert.Equal(RowPart(fromRows), RowPart(throughFragment));
        var names = fixture.Units.Select((u, i) => (u.Id, Name: $"unit {i:000}")).ToDictionary(u => u.Id, u => u.Name);
        Assert.All(fromDocuments, a => Assert.Equal(names[a!["unit"]!["id"]!.GetValue<string>()], a["unit"]!["name"]!.GetValue<string>()));
        Assert.All(fromDocuments, a => Assert.Equal(6, a!["unit"]!["crewSize"]!.GetValue<int>()));
    }

    [Fact]
    public async Task A_fragment_on_the_unit_reads_its_document()
    {
        var response = await App.PostAsync("""
            query($near: GeoPointInput!) { nearestUnits(near: $near, first: 3) { unit { id ...Named } } }
            fragment Named on RescueUnit { name crewSize }
            """, new { near = new { lat = Incident.Lat, lon = Incident.Lon } }, App.Token("commander"));

        var answer = response.Data!["nearestUnits"]!.AsArray();
        Assert.Equal(3, answer.Count);
        Assert.All(answer, a => Assert.StartsWith("unit ", a!["unit"]!["name"]!.GetValue<string>(), StringComparison.Ordinal));
        Assert.All(answer, a => Assert.Equal(6, a!["unit"]!["crewSize"]!.GetValue<int>()));
    }

    /// <summary>Units placed far north of the random ones (about 150 km), so that no other test meets them.</summary>
    private async Task<List<string>> RegisterFarAsync(string agency, string tag, params (string Name, double NorthMeters, string Kind)[] units)
    {
        var ids = new List<string>();
        foreach (var (name, north, kind) in units)
        {
            ids.Add(await UnitCalls.RegisterAsync(App, agency, name, Far.Lat + (north / 111_320), Far.Lon, kind, [tag]));
        }

        return ids;
    }

    private static readonly GeoPoint Far = new(37.95, 112.55);

    [Fact]
    public async Task A_fresh_unit_beyond_a_dozen_stale_ones_comes_first_with_or_without_documents()
    {
        // k = 1 takes 12 candidates through the index; all 12 nearest are stale, so the finder must look per kind and freshness.
        var agency = await AgencyCalls.RegisterAsync(App, "阳城乡应急队", "TOWNSHIP");
        var stale = await RegisterFarAsync(agency, "stale-dozen", [.. Enumerable.Range(0, 12).Select(i => ($"silent {i:00}", 100.0 + (i * 50), "AMBULANCE"))]);
        var fresh = (await RegisterFarAsync(agency, "stale-dozen", ("reporting", 20_000, "HEAVY_MACHINERY")))[0];
        var reportedAt = DateTimeOffset.UtcNow.AddHours(-2);
        for (var i = 0; i < stale.Count; i++)
        {
            await UnitCalls.ReportAsync(App, stale[i], Far.Lat + ((100.0 + (i * 50)) / 111_320), Far.Lon, reportedAt);
        }

        foreach (var selection in new[] { RowSelection, DocumentSelection })
        {
            var first = await NearestAsync(selection, Far, "stale-dozen", 1, App.Token("commander"));
            var all = await NearestAsync(selection, Far, "stale-dozen", 13, App.Token("commander"));

            Assert.Equal([fresh], first.Select(a => a!["unit"]!["id"]!.GetValue<string>()));
            Assert.False(first[0]!["positionStale"]!.GetValue<bool>());
            Assert.Equal([fresh, .. stale], all.Select(a => a!["unit"]!["id"]!.GetValue<string>()));
            Assert.All(all.Skip(1), a => Assert.True(a!["positionStale"]!.GetValue<bool>()));
        }
    }

    [Fact]
    public async Task The_soonest_unit_can_be_farther_than_the_nearest_dozen()
    {
        // Twelve boats within 600 m launch in ten minutes; a fire engine 3 km away arrives in under seven.
        var agency = await AgencyCalls.RegisterAsync(App, "汾河船队", "OTHER");
        var boats = await RegisterFarAsync(agency, "soonest-far", [.. Enumerable.Range(0, 12).Select(i => ($"boat {i:00}", 50.0 + (i * 50), "BOAT"))]);
        var engine = (await RegisterFarAsync(agency, "soonest-far", ("engine", 3_000, "FIRE_ENGINE")))[0];

        foreach (var selection in new[] { RowSelection, DocumentSelection })
        {
            var first = await NearestAsync(selection, Far, "soonest-far", 1, App.Token("commander"));
            var three = await NearestAsync(selection, Far, "soonest-far", 3, App.Token("commander"));

            Assert.Equal([engine], first.Select(a => a!["unit"]!["id"]!.GetValue<string>()));
            Assert.Equal([engine, boats[0], boats[1]], three.Select(a => a!["unit"]!["id"]!.GetValue<string>()));
        }
    }

    [Fact]
    public async Task A_partner_sees_its_own_units_and_no_other_agencys_with_or_without_documents()
    {
        var own = await AgencyCalls.RegisterAsync(App, "霍州煤电救护队", "MINE_RESCUE");
        var other = await AgencyCalls.RegisterAsync(App, "汾西矿业救护队", "MINE_RESCUE");
        var theirs = await RegisterFarAsync(other, "partner-view", ("theirs, nearer", 500, "MINE_RESCUE_TEAM"));
        var ours = await RegisterFarAsync(own, "partner-view", ("ours, farther", 2_000, "MINE_RESCUE_TEAM"));

        foreach (var selection in new[] { RowSelection, DocumentSelection })
        {
            var partner = await NearestAsync(selection, Far, "partner-view", 10, App.Token("partner", own));
            var commander = await NearestAsync(selection, Far, "partner-view", 10, App.Token("commander"));

            Assert.Equal(ours, partner.Select(a => a!["unit"]!["id"]!.GetValue<string>()));
            Assert.Equal(own, partner[0]!["unit"]!["agency"]!["id"]!.GetValue<string>());
            Assert.Equal([.. theirs, .. ours], commander.Select(a => a!["unit"]!["id"]!.GetValue<string>()));
        }
    }

    [Fact]
    public async Task The_database_reckons_an_eta_exactly_as_the_eta_model_does()
    {
        var eta = App.Services.GetRequiredService<EtaModel>();
        var random = new Random(17);
        var meters = new[] { 0, 0.5, 1, 1234.5678, 299_999.9 }.Concat(Enumerable.Range(0, 400).Select(_ => random.NextDouble() * 300_000)).ToArray();
        var kinds = Enum.GetValues<UnitKind>();
        await using var command = App.Services.GetRequiredService<Npgsql.NpgsqlDataSource>().CreateCommand(
            $"select k, m, {eta.UnitSecondsSql("k", "m")}::int, {eta.UnitReachMetersSql("s")} from unnest(@k, @m, @s) as x(k, m, s)");
        var rows = kinds.SelectMany(k => meters.Select(m => (Kind: k, Meters: m))).ToList();
        command.Parameters.AddWithValue("k", rows.Select(r => r.Kind.ToString()).ToArray());
        command.Parameters.AddWithValue("m", rows.Select(r => r.Meters).ToArray());
        command.Parameters.AddWithValue("s", rows.Select(r => eta.UnitSeconds(r.Kind, r.Meters)).ToArray());

        var compared = 0;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var kind = Enum.Parse<UnitKind>(reader.GetString(0));
            var seconds = eta.UnitSeconds(kind, reader.GetDouble(1));
            Assert.Equal(seconds, reader.GetInt32(2));
            Assert.Equal(eta.UnitReachMeters(seconds), reader.GetDouble(3), 6);
            compared++;
        }

        Assert.Equal(rows.Count, compared);
    }
}
