using Marten;
using Microsoft.Extensions.DependencyInjection;
using Muster.Api.Tests.Support;
using Muster.Depots.Locating;

namespace Muster.Api.Tests.Depots;

/// <summary>depotsNear checked against an independent brute-force geodesic ranking, and against a rebuilt table.</summary>
public sealed class DepotsNearTests(DepotsNearTests.RandomDepots fixture) : IClassFixture<DepotsNearTests.RandomDepots>
{
    public sealed record Placed(string Id, double Lat, double Lon, bool Shared, bool Own);

    /// <summary>Fifty depots around Huozhou, of two agencies, a third of them pledged to the shared pool.</summary>
    public sealed class RandomDepots : AppFixture
    {
        public List<Placed> Depots { get; } = [];

        public string OwnAgency { get; private set; } = "";

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            OwnAgency = await AgencyCalls.RegisterAsync(App, "霍州市应急管理局", "BUREAU");
            var other = await AgencyCalls.RegisterAsync(App, "霍州煤电集团", "ENTERPRISE");
            var random = new Random(20261129);
            for (var i = 0; i < 50; i++)
            {
                var (lat, lon) = (36.57 + (random.NextDouble() - 0.5) * 0.6, 111.72 + (random.NextDouble() - 0.5) * 0.6);
                var (shared, own) = (i % 3 == 0, i % 2 == 0);
                var id = await DepotCalls.RegisterAsync(App, own ? OwnAgency : other, $"depot {i:00}", lat, lon, shared);
                Depots.Add(new Placed(id, lat, lon, shared, own));
            }
        }
    }

    private const double IncidentLat = 36.5912;
    private const double IncidentLon = 111.7367;
    private const string Query = """
        query($first: Int) { depotsNear(near: { lat: 36.5912, lon: 111.7367 }, first: $first) { depot { id } distanceMeters } }
        """;

    private MusterApp App => fixture.App;

    [Theory]
    [InlineData("logistics", 50)]
    [InlineData("logistics", 7)]
    [InlineData("partner", 50)]
    public async Task DepotsNear_agrees_with_a_brute_force_geodesic_ranking(string role, int first)
    {
        var partner = role == "partner";
        var expected = fixture.Depots
            .Where(d => !partner || d.Shared || d.Own)
            .Select(d => (d.Id, Meters: Geodesic.Meters(IncidentLat, IncidentLon, d.Lat, d.Lon)))
            .OrderBy(d => d.Meters).Take(first).ToList();

        var response = await App.PostAsync(Query, new { first }, partner ? App.Token("partner", fixture.OwnAgency) : App.Token(role));

        var actual = response.Data!["depotsNear"]!.AsArray();
        Assert.Equal(expected.Select(e => e.Id), actual.Select(a => a!["depot"]!["id"]!.GetValue<string>()));
        foreach (var (e, a) in expected.Zip(actual))
        {
            Assert.InRange(a!["distanceMeters"]!.GetValue<double>(), e.Meters - 0.5, e.Meters + 0.5);
        }
    }

    [Theory]
    [InlineData("{ depotsNear(near: {lat: 123, lon: 111.7}) { distanceMeters } }")]
    [InlineData("{ depotsNear(near: {lat: 36.5, lon: 200}) { distanceMeters } }")]
    [InlineData("{ depotsNear(near: {lat: 36.5, lon: 111.7}, first: 0) { distanceMeters } }")]
    [InlineData("{ depotsNear(near: {lat: 36.5, lon: 111.7}, first: 51) { distanceMeters } }")]
    public async Task Bad_input_is_a_VALIDATION_error(string query)
    {
        var response = await App.PostAsync(query, token: App.Token("commander"));

        Assert.Equal(["VALIDATION"], response.ErrorCodes);
    }

    [Fact]
    public async Task Rebuilding_the_depot_locations_table_from_the_events_gives_the_same_answer()
    {
        var before = await App.PostAsync(Query, new { first = 50 }, App.Token("commander"));
        var store = App.Services.GetRequiredService<IDocumentStore>();
        await using (var delete = App.Services.GetRequiredService<Npgsql.NpgsqlDataSource>().CreateCommand($"delete from {DepotLocationsTable.Name}"))
        {
            await delete.ExecuteNonQueryAsync();
        }

        var emptied = await App.PostAsync(Query, new { first = 50 }, App.Token("commander"));
        using var daemon = await store.BuildProjectionDaemonAsync();
        await daemon.RebuildProjectionAsync<DepotLocationsProjection>(CancellationToken.None);
        var after = await App.PostAsync(Query, new { first = 50 }, App.Token("commander"));

        Assert.Empty(emptied.Data!["depotsNear"]!.AsArray());
        Assert.Equal(50, after.Data!["depotsNear"]!.AsArray().Count);
        Assert.Equal(before.Data!.ToJsonString(), after.Data!.ToJsonString());
    }
}
