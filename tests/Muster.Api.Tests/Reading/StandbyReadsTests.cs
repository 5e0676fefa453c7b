using System.Text;
using System.Text.Json;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Muster.Api.Tests.Support;
using Muster.Infrastructure.Reading;
using Npgsql;

namespace Muster.Api.Tests.Reading;

/// <summary>The service over a primary and its streaming standby (<c>ConnectionStrings:MusterReads</c>).</summary>
public sealed class WithStandby : AppFixture
{
    private string? _hosts;

    /// <summary>
    /// The prefer-standby multi-host string for this class's database. A standby found down is tried again after a second
    /// (Npgsql's default is 10 s), so that a test after the one that stops it finds it again soon.
    /// </summary>
    public string Reads => new NpgsqlConnectionStringBuilder(_hosts ?? throw new InvalidOperationException("fixture not initialised"))
    {
        Database = Database.Name,
        HostRecheckSeconds = 1,
    }.ConnectionString;

    /// <summary>Waits until a lag-tolerant request of the service lands on the standby (after a stop, Npgsql tries it again in a second).</summary>
    public Task ReadsOnStandbyAsync() => Eventually.HoldsAsync(async () =>
    {
        await using var scope = App.Services.CreateAsyncScope();
        var route = scope.ServiceProvider.GetRequiredService<ReadRoute>();
        route.TolerateLag();
        return await Standby.InRecoveryAsync(route.DataSource);
    }, "a lag-tolerant request reads on the standby");

    public string Primary => Database.ConnectionString;

    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?> { ["ConnectionStrings:MusterReads"] = Reads };

    public override async Task InitializeAsync()
    {
        (_hosts, _) = await Standby.EnsureAsync("postgres");
        await base.InitializeAsync();
        await Standby.CaughtUpAsync(Primary, Reads); // the standby has the class's database and its schema
        await ReadsOnStandbyAsync();
    }
}

/// <summary>
/// Queries read from the standby; a mutation, its payload and every read inside it from the primary; a stopped standby
/// leaves the primary to answer.
/// </summary>
public sealed class StandbyReadsTests(WithStandby fixture) : IClassFixture<WithStandby>
{
    private const string UnitNames = "{ units(first: 100) { edges { node { name } } } }";

    private MusterApp App => fixture.App;

    [Fact]
    public async Task A_query_reads_on_the_standby_and_a_mutations_payload_on_the_primary()
    {
        var agency = await AgencyCalls.RegisterAsync(App, "Huozhou Fire Brigade");
        await Standby.CaughtUpAsync(fixture.Primary, fixture.Reads);
        await fixture.ReadsOnStandbyAsync();
        await Standby.PauseReplayAsync(fixture.Reads);
        try
        {
            // The standby stops applying the primary's changes: from now on it lags as far as the primary writes.
            var registered = await App.PostAsync(UnitCalls.Register, UnitCalls.Input(agency, "Engine 7 (paused)", 36.57, 111.71), App.Token("admin"));
            var unit = registered.Data!["registerUnit"]!["unit"]!;
            Assert.Equal("Engine 7 (paused)", unit["name"]!.GetValue<string>());
            Assert.Equal("AVAILABLE", unit["status"]!.GetValue<string>());

            // The payload came from the primary; a query right after, from the same client, reads the standby as it stands.
            var listed = await App.PostAsync(UnitNames, token: App.Token("admin"));
            Assert.Empty(listed.ErrorCodes);
            Assert.DoesNotContain("Engine 7 (paused)", listed.Text);
            var nearest = await App.PostAsync("{ nearestUnits(near: { lat: 36.57, lon: 111.71 }, capability: \"fire\", first: 10) { unit { name } } }", token: App.Token("admin"));
            Assert.Empty(nearest.ErrorCodes);
            Assert.DoesNotContain("Engine 7 (paused)", nearest.Text);
            var node = await App.PostAsync("query($id: ID!) { node(id: $id) { id } }", new { id = unit["id"]!.GetValue<string>() }, App.Token("admin"));
            Assert.Null(node.Data!["node"]);

            // A batch may hold a mutation after a query: all of it reads on the primary.
            using var batch = new HttpRequestMessage(HttpMethod.Post, "/graphql")
            {
                Content = new StringContent(JsonSerializer.Serialize(new object[]
                {
                    new { query = UnitNames },
                    new { query = UnitCalls.Register, variables = UnitCalls.Input(agency, "Engine 8 (batch)", 36.58, 111.70) },
                }), Encoding.UTF8, "application/json"),
            };
            var answers = (await App.SendAsync(batch, App.Token("admin"))).Json!.AsArray();
            Assert.Contains("Engine 7 (paused)", answers[0]!.ToJsonString());
            Assert.Equal("Engine 8 (batch)", answers[1]!["data"]!["registerUnit"]!["unit"]!["name"]!.GetValue<string>());

            // A mutation that reads what the primary holds (the unit it changes) is not misled by the standby.
            var changed = await App.PostAsync(UnitCalls.ChangeStatus, new { input = new { unitId = unit["id"]!.GetValue<string>(), status = "OUT_OF_SERVICE" } }, App.Token("admin"));
            Assert.Equal("OUT_OF_SERVICE", changed.Data!["changeUnitStatus"]!["unit"]!["status"]!.GetValue<string>());
        }
        finally
        {
            await Standby.ResumeReplayAsync(fixture.Reads);
        }

        await Standby.CaughtUpAsync(fixture.Primary, fixture.Reads);
        var caughtUp = await App.PostAsync(UnitNames, token: App.Token("admin"));
        Assert.Contains("Engine 7 (paused)", caughtUp.Text);
        var nearestNow = await App.PostAsync("{ nearestUnits(near: { lat: 36.57, lon: 111.71 }, capability: \"fire\", status: OUT_OF_SERVICE, first: 10) { unit { name } } }", token: App.Token("admin"));
        Assert.Contains("Engine 7 (paused)", nearestNow.Text);
    }

    [Fact]
    public async Task A_lag_tolerant_request_reads_on_a_server_in_recovery_and_any_other_on_the_primary()
    {
        await fixture.ReadsOnStandbyAsync();
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var route = scope.ServiceProvider.GetRequiredService<ReadRoute>();
            route.TolerateLag();
            Assert.True(await Standby.InRecoveryAsync(route.DataSource));
            var session = scope.ServiceProvider.GetRequiredService<IQuerySession>();
            Assert.True((await session.QueryAsync<bool>("select pg_is_in_recovery()")).Single());
        }

        await using (var scope = App.Services.CreateAsyncScope())
        {
            var session = scope.ServiceProvider.GetRequiredService<IQuerySession>();
            Assert.False((await session.QueryAsync<bool>("select pg_is_in_recovery()")).Single());
            Assert.False(await Standby.InRecoveryAsync(scope.ServiceProvider.GetRequiredService<ReadRoute>().DataSource));
        }
    }

    [Fact]
    public async Task When_the_standby_stops_queries_are_answered_by_the_primary()
    {
        var agency = await AgencyCalls.RegisterAsync(App, "Huozhou Red Cross");
        await UnitCalls.RegisterAsync(App, agency, "Ambulance 3 (before)", 36.56, 111.72, "AMBULANCE", ["medical"]);
        await Standby.CaughtUpAsync(fixture.Primary, fixture.Reads);
        // Several queries at once, so that the standby pool holds several connections when it goes.
        var warm = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => App.PostAsync(UnitNames, token: App.Token("admin"))));
        Assert.All(warm, r => Assert.Contains("Ambulance 3 (before)", r.Text));

        await Standby.StopAsync();
        try
        {
            await UnitCalls.RegisterAsync(App, agency, "Ambulance 4 (standby down)", 36.55, 111.73, "AMBULANCE", ["medical"]);
            var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => App.PostAsync(UnitNames, token: App.Token("admin"))));
            Assert.All(answers, r =>
            {
                Assert.Equal(200, r.Status);
                Assert.Empty(r.ErrorCodes);
                Assert.Contains("Ambulance 4 (standby down)", r.Text); // only the primary has it
            });
        }
        finally
        {
            await Standby.EnsureAsync(fixture.App.Database.Name);
        }
    }
}
