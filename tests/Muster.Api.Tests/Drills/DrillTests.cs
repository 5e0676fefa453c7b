using System.Buffers.Text;
using System.Text;
using System.Text.Json.Nodes;
using Muster.Api.Tests.Dispatch;
using Microsoft.Extensions.DependencyInjection;
using Muster.Api.Tests.Support;
using Muster.Api.Drills.Worlds;
using Npgsql;

namespace Muster.Api.Tests.Drills;

/// <summary>Drills of the mine scene's plan: played through the same engine on a copy, never touching the real register.</summary>
public sealed class DrillTests(MineScene scene) : IClassFixture<MineScene>
{
    private MusterApp App => scene.App;

    private const string Approve = """
        mutation($input: ApproveDispatchInput!) { approveDispatch(input: $input) { incident { id status supplyRequests { id } } errors { code message field } } }
        """;

    private const string Ship = """
        mutation($input: DispatchShipmentInput!) { dispatchShipment(input: $input) { request { id status } errors { code message field } } }
        """;

    private const string UnitStatus = "query($id: ID!) { node(id: $id) { ... on RescueUnit { status } } }";

    [Fact]
    public async Task A_drill_played_from_report_to_close_leaves_every_real_unit_stock_line_and_stream_as_it_was_and_keeps_what_it_did()
    {
        var before = await DrillCalls.RealStateAsync(App);
        var seqBefore = await DrillCalls.ScalarAsync(App.Database.ConnectionString, "SELECT coalesce(max(seq_id), 0) FROM muster.mt_events");

        var started = await DrillCalls.StartAsync(App, scene.PlanId, MineScene.MineLat, MineScene.MineLon, "演练：某煤矿瓦斯爆炸");
        var drill = started["drill"]!;
        var endpoint = drill["endpoint"]!.GetValue<string>();
        var incident = drill["incidentId"]!.GetValue<string>();
        var commander = App.Token("commander", subject: "commander-zhao");
        var proposed = await DrillCalls.InDrillAsync(App, endpoint, DispatchCalls.Propose, new { input = new { incidentId = incident } }, commander);
        var proposal = proposed.Data!["proposeDispatch"]!["proposal"]!;
        var approved = await DrillCalls.InDrillAsync(App, endpoint, Approve, new { input = new { proposalId = proposal["id"]!.GetValue<string>() } }, commander);
        var request = approved.Data!["approveDispatch"]!["incident"]!["supplyRequests"]![0]!["id"]!.GetValue<string>();
        var shipped = await DrillCalls.InDrillAsync(App, endpoint, Ship,
            new { input = new { requestId = request, vehicle = "晋L·12345", driver = "王师傅", expectedArrival = DateTimeOffset.UtcNow.AddHours(1).ToString("O") } },
            App.Token("logistics"));
        var inDrill = await DrillCalls.InDrillAsync(App, endpoint, UnitStatus, new { id = scene.NearMineRescue }, commander);
        var inReal = await App.PostAsync(UnitStatus, new { id = scene.NearMineRescue }, commander);
        var closed = await DrillCalls.InDrillAsync(App, endpoint, ApproveCalls.Close, new { input = new { incidentId = incident, reason = "演练结束" } }, commander);
        var drillDatabase = DrillCalls.DrillDatabase(App, RawId(drill["id"]!.GetValue<string>()).ToString("N")[^12..]);
        var stamped = await DrillCalls.ScalarAsync(drillDatabase,
            $"SELECT count(*) FROM muster.mt_events WHERE seq_id > {seqBefore} AND headers->>'drill-id' = '{RawId(drill["id"]!.GetValue<string>())}'");
        var written = await DrillCalls.ScalarAsync(drillDatabase, $"SELECT count(*) FROM muster.mt_events WHERE seq_id > {seqBefore}");
        var ended = await DrillCalls.EndAsync(App, drill["id"]!.GetValue<string>(), "通风专家到场偏慢");
        var after = await DrillCalls.RealStateAsync(App);

        Assert.Empty(started["errors"]!.AsArray());
        Assert.Empty(proposed.Data!["proposeDispatch"]!["errors"]!.AsArray());
        Assert.Empty(approved.Data!["approveDispatch"]!["errors"]!.AsArray());
        Assert.Empty(shipped.Data!["dispatchShipment"]!["errors"]!.AsArray());
        Assert.Equal("CLOSED", closed.Data!["closeIncident"]!["incident"]!["status"]!.GetValue<string>());
        // In the drill the nearest mine rescue team went out; in the real register it never moved.
        Assert.Equal("ASSIGNED", inDrill.Data!["node"]!["status"]!.GetValue<string>());
        Assert.Equal("AVAILABLE", inReal.Data!["node"]!["status"]!.GetValue<string>());
        Assert.Equal(before, after);
        Assert.True(written >= 10, $"the drill wrote {written} events");
        Assert.Equal(written, stamped);

        var report = ended["drill"]!["afterAction"]!;
        var response = report["responses"]![0]!;
        Assert.Empty(ended["errors"]!.AsArray());
        Assert.Equal("ENDED", ended["drill"]!["status"]!.GetValue<string>());
        Assert.Equal("演练：某煤矿瓦斯爆炸", response["title"]!.GetValue<string>());
        Assert.All(new[] { "firstProposedAt", "approvedAt", "shippedAt", "closedAt" }, step => Assert.NotNull(response[step]));
        Assert.True(response["secondsToProposal"]!.GetValue<double>() >= 0);
        var types = report["timeline"]!.AsArray().Select(e => e!["eventType"]!.GetValue<string>()).ToList();
        Assert.Equal(written, report["eventCount"]!.GetValue<int>());
        Assert.Equal(["incident_reported", "dispatch_proposed", "dispatch_approved", "shipment_dispatched", "incident_closed"],
            types.Where(t => t is "incident_reported" or "dispatch_proposed" or "dispatch_approved" or "shipment_dispatched" or "incident_closed"));
        Assert.Contains("commander-zhao", report["timeline"]!.AsArray().Select(e => e!["actorSubject"]?.GetValue<string>()));
        var mineRescue = report["comparedWithPlan"]!.AsArray().Single(c => c!["what"]!.GetValue<string>() == "mine-rescue")!;
        Assert.Equal((2, 2), (mineRescue["required"]!.GetValue<int>(), mineRescue["dispatched"]!.GetValue<int>()));
        // The approved proposal stated what its mine rescue teams cost the rest of the city; the report keeps it.
        Assert.Contains("mine-rescue", report["coverageLost"]!.AsArray().Select(c => c!["capability"]!.GetValue<string>()));
        Assert.NotNull(ended["drill"]!["plan"]!["lastDrillOn"]);
        Assert.Contains("通风专家到场偏慢", ended["drill"]!["plan"]!["lastDrillNotes"]!.GetValue<string>());
        // The copy is gone, and its endpoint says the drill is over.
        Assert.Equal(0, await DrillCalls.DrillDatabasesAsync(App));
        var gone = await DrillCalls.InDrillAsync(App, endpoint, UnitStatus, new { id = scene.NearMineRescue }, commander);
        Assert.Equal(410, gone.Status);
    }

    /// <summary>
    /// A drill database left behind (the service died while the drill started, or its end could not drop it) is dropped
    /// by the sweep that runs at startup; an open drill's database, and one somebody is connected to, are kept.
    /// (Whether a closed session still counts is up to the server's timing, so the test drops that one itself.)
    /// </summary>
    [Fact]
    public async Task A_drill_database_left_behind_is_dropped_and_an_open_drills_or_a_used_one_is_kept()
    {
        var started = await DrillCalls.StartAsync(App, scene.PlanId, MineScene.MineLat, MineScene.MineLon, "演练：遗留副本清理");
        var drillId = started["drill"]!["id"]!.GetValue<string>();
        var open = DrillCalls.DrillDatabase(App, RawId(drillId).ToString("N")[^12..]);
        var (leftBehind, used) = (DrillCalls.DrillDatabase(App, "0123456789ab"), DrillCalls.DrillDatabase(App, "abcdef012345"));
        var (leftBehindName, usedName) = (Name(leftBehind), Name(used));
        await using (var admin = new NpgsqlConnection(TestDatabase.AdminConnectionString()))
        {
            await admin.OpenAsync();
            foreach (var name in new[] { leftBehindName, usedName })
            {
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
                await create.ExecuteNonQueryAsync();
            }
        }

        await using (var user = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(used) { Pooling = false }.ConnectionString))
        {
            await user.OpenAsync();
            var dropped = await App.Services.GetRequiredService<DrillCopySweeper>().SweepAsync(TimeSpan.Zero, default);
            Assert.Equal([leftBehindName], dropped);
        }

        Assert.Equal(0, await DrillCalls.ScalarAsync(TestDatabase.AdminConnectionString(), $"SELECT count(*) FROM pg_database WHERE datname = '{leftBehindName}'"));
        Assert.Equal(1, await DrillCalls.ScalarAsync(open, "SELECT 1"));
        Assert.Equal(1, await DrillCalls.ScalarAsync(used, "SELECT 1"));

        await DrillCalls.EndAsync(App, drillId);
        await using (var admin = new NpgsqlConnection(TestDatabase.AdminConnectionString()))
        {
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE \"{usedName}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }

        Assert.Equal(0, await DrillCalls.DrillDatabasesAsync(App));
    }

    private static string Name(string connectionString) => new NpgsqlConnectionStringBuilder(connectionString).Database!;

    [Fact]
    public async Task Two_drills_at_once_do_not_see_each_other()
    {
        var first = (await DrillCalls.StartAsync(App, scene.PlanId, MineScene.MineLat, MineScene.MineLon, "演练甲"))["drill"]!;
        var second = (await DrillCalls.StartAsync(App, scene.PlanId, MineScene.MineLat, MineScene.MineLon, "演练乙"))["drill"]!;
        var commander = App.Token("commander");
        string Endpoint(JsonNode d) => d["endpoint"]!.GetValue<string>();

        var proposed = await DrillCalls.InDrillAsync(App, Endpoint(first), DispatchCalls.Propose, new { input = new { incidentId = first["incidentId"]!.GetValue<string>() } }, commander);
        await DrillCalls.InDrillAsync(App, Endpoint(first), Approve,
            new { input = new { proposalId = proposed.Data!["proposeDispatch"]!["proposal"]!["id"]!.GetValue<string>() } }, commander);
        var inFirst = await DrillCalls.InDrillAsync(App, Endpoint(first), UnitStatus, new { id = scene.NearMineRescue }, commander);
        var inSecond = await DrillCalls.InDrillAsync(App, Endpoint(second), UnitStatus, new { id = scene.NearMineRescue }, commander);
        var firstIncidentInSecond = await DrillCalls.InDrillAsync(App, Endpoint(second),
            "query($id: ID!) { node(id: $id) { id } }", new { id = first["incidentId"]!.GetValue<string>() }, commander);
        var incidentsInSecond = await DrillCalls.InDrillAsync(App, Endpoint(second),
            "{ incidents(first: 50) { edges { node { title } } } }", null, commander);
        var endedFirst = await DrillCalls.EndAsync(App, first["id"]!.GetValue<string>());
        var endedSecond = await DrillCalls.EndAsync(App, second["id"]!.GetValue<string>());

        Assert.Equal("ASSIGNED", inFirst.Data!["node"]!["status"]!.GetValue<string>());
        Assert.Equal("AVAILABLE", inSecond.Data!["node"]!["status"]!.GetValue<string>());
        Assert.Null(firstIncidentInSecond.Data!["node"]);
        var titles = incidentsInSecond.Data!["incidents"]!["edges"]!.AsArray().Select(e => e!["node"]!["title"]!.GetValue<string>()).ToList();
        Assert.Contains("演练乙", titles);
        Assert.DoesNotContain("演练甲", titles);
        Assert.Equal(1, endedFirst["drill"]!["afterAction"]!["responses"]![0]!["proposals"]!.GetValue<int>());
        Assert.Equal(0, endedSecond["drill"]!["afterAction"]!["responses"]![0]!["proposals"]!.GetValue<int>());
    }

    [Fact]
    public async Task Bad_starts_and_ends_are_refused_by_name_and_write_nothing()
    {
        var events = await App.EventCountAsync();
        var databases = await DrillCalls.DrillDatabasesAsync(App);

        var unknownPlan = await DrillCalls.StartAsync(App, Ids.Unknown("Plan"), MineScene.MineLat, MineScene.MineLon);
        var wrapped = await App.PostAsync(DrillCalls.Start,
            new { input = new { planId = scene.PlanId, scenario = new { location = new { lat = 123.0, lon = MineScene.MineLon } } } }, App.Token("commander"));
        var untitled = await DrillCalls.StartAsync(App, scene.PlanId, MineScene.MineLat, MineScene.MineLon, "  ");
        var byPartner = await App.PostAsync(DrillCalls.Start,
            new { input = new { planId = scene.PlanId, scenario = new { location = new { lat = MineScene.MineLat, lon = MineScene.MineLon } } } },
            App.Token("partner", Guid.NewGuid()));
        var endUnknown = await DrillCalls.EndAsync(App, Ids.Unknown("Drill"));
        var endPlan = await DrillCalls.EndAsync(App, scene.PlanId);
        var unknownEndpoint = await DrillCalls.InDrillAsync(App, $"/drills/{Ids.Unknown("Drill")}/graphql", "{ viewer { role } }", null, App.Token("commander"));
        var garbledEndpoint = await DrillCalls.InDrillAsync(App, "/drills/not-a-drill/graphql", "{ viewer { role } }", null, App.Token("commander"));

        Assert.Equal(("NOT_FOUND", "planId"), Error(unknownPlan));
        Assert.Contains("VALIDATION", wrapped.ErrorCodes);
        Assert.Contains("scenario.location.lat", wrapped.ErrorMessages.Single());
        Assert.Equal(("VALIDATION", "scenario.title"), Error(untitled));
        Assert.Contains("FORBIDDEN", byPartner.ErrorCodes);
        Assert.Equal(("NOT_FOUND", "drillId"), Error(endUnknown));
        Assert.Equal(("NOT_FOUND", "drillId"), Error(endPlan));
        Assert.Equal((404, "NOT_FOUND"), (unknownEndpoint.Status, unknownEndpoint.ErrorCodes.Single()));
        Assert.Equal((404, "NOT_FOUND"), (garbledEndpoint.Status, garbledEndpoint.ErrorCodes.Single()));
        Assert.Equal(events, await App.EventCountAsync());
        Assert.Equal(databases, await DrillCalls.DrillDatabasesAsync(App));
    }

    [Fact]
    public async Task Ending_twice_is_refused_and_only_participants_reach_a_drill()
    {
        var drill = (await DrillCalls.StartAsync(App, scene.PlanId, MineScene.MineLat, MineScene.MineLon, "演练丙"))["drill"]!;
        var endpoint = drill["endpoint"]!.GetValue<string>();

        var partner = await DrillCalls.InDrillAsync(App, endpoint, "{ viewer { role } }", null, App.Token("partner", Guid.NewGuid()));
        var anonymous = await DrillCalls.InDrillAsync(App, endpoint, "{ viewer { role } }", null, null);
        var logistics = await DrillCalls.InDrillAsync(App, endpoint, "{ viewer { role } }", null, App.Token("logistics"));
        var partnerReads = await App.PostAsync("query($id: ID!) { drill(id: $id) { name } }", new { id = drill["id"]!.GetValue<string>() }, App.Token("partner", Guid.NewGuid()));
        var logisticsEnds = await App.PostAsync(DrillCalls.End, new { input = new { drillId = drill["id"]!.GetValue<string>() } }, App.Token("logistics"));
        var once = await DrillCalls.EndAsync(App, drill["id"]!.GetValue<string>());
        var events = await App.EventCountAsync();
        var twice = await DrillCalls.EndAsync(App, drill["id"]!.GetValue<string>());

        Assert.Equal((403, "FORBIDDEN"), (partner.Status, partner.ErrorCodes.Single()));
        Assert.Equal((401, "UNAUTHENTICATED"), (anonymous.Status, anonymous.ErrorCodes.Single()));
        Assert.Equal("LOGISTICS", logistics.Data!["viewer"]!["role"]!.GetValue<string>().ToUpperInvariant());
        Assert.Contains("FORBIDDEN", partnerReads.ErrorCodes);
        Assert.Contains("FORBIDDEN", logisticsEnds.ErrorCodes);
        Assert.Empty(once["errors"]!.AsArray());
        Assert.Equal(("INVALID_STATE", "drillId"), Error(twice));
        Assert.Equal(events, await App.EventCountAsync());
    }

    [Fact]
    public async Task The_drill_endpoint_hears_the_drills_changes_over_WebSocket_and_the_real_one_hears_none_of_them()
    {
        var drill = (await DrillCalls.StartAsync(App, scene.PlanId, MineScene.MineLat, MineScene.MineLon, "演练丁"))["drill"]!;
        var (endpoint, incident) = (drill["endpoint"]!.GetValue<string>(), drill["incidentId"]!.GetValue<string>());
        var real = await scene.ReportAsync("IV");
        var commander = App.Token("commander");
        var (_, world) = await App.Services.GetRequiredService<Muster.Api.Drills.Worlds.DrillWorlds>().FindAsync(RawId(drill["id"]!.GetValue<string>()), default);
        var drillFeed = world!.Services.GetRequiredService<Muster.Infrastructure.Changes.ChangeFeed>();
        await using var realSocket = await GraphQLSocket.SubscribeListeningAsync(App, commander, "real", "subscription { incidentChanged { id level } }");
        var drillSocket = await GraphQLSocket.ConnectAsync(App, commander, endpoint);
        await drillSocket.SubscribeAsync("drill", $$"""subscription { incidentChanged(id: "{{incident}}") { id level } }""");
        await Eventually.HoldsAsync(() => drillFeed.SubscriberCount > 0, "the drill's subscription listens");

        await DrillCalls.InDrillAsync(App, endpoint, ChangeLevel, new { input = new { incidentId = incident, level = "I", reason = "演练升级" } }, commander);
        var heardInDrill = await drillSocket.ReceiveAsync();
        await App.PostAsync(ChangeLevel, new { input = new { incidentId = real, level = "III", reason = "复核" } }, commander);
        var heardInReal = await realSocket.ReceiveAsync();
        await drillSocket.DisposeAsync(); // (ending the drill closes its sockets)
        await DrillCalls.EndAsync(App, drill["id"]!.GetValue<string>());

        Assert.Equal((incident, "I"), (heardInDrill["payload"]!["data"]!["incidentChanged"]!["id"]!.GetValue<string>(),
            heardInDrill["payload"]!["data"]!["incidentChanged"]!["level"]!.GetValue<string>()));
        // The first change the real endpoint tells of is the real one: it never heard the drill's.
        Assert.Equal(real, heardInReal["payload"]!["data"]!["incidentChanged"]!["id"]!.GetValue<string>());
    }

    /// <summary>A partner's WebSocket at a drill's endpoint authenticates (its token is valid) but each operation is refused.</summary>
    [Fact]
    public async Task A_partner_is_refused_at_a_drills_WebSocket_too()
    {
        var drill = (await DrillCalls.StartAsync(App, scene.PlanId, MineScene.MineLat, MineScene.MineLon, "演练戊"))["drill"]!;
        var (endpoint, incident) = (drill["endpoint"]!.GetValue<string>(), drill["incidentId"]!.GetValue<string>());
        JsonNode refused;
        await using (var partner = await GraphQLSocket.ConnectAsync(App, App.Token("partner", Guid.NewGuid()), endpoint))
        {
            await partner.SubscribeAsync("p", $$"""subscription { incidentChanged(id: "{{incident}}") { id level } }""");
            refused = await partner.ReceiveAsync();
        }

        await DrillCalls.EndAsync(App, drill["id"]!.GetValue<string>());
        Assert.Equal(("error", "p", "FORBIDDEN"), (refused["type"]!.GetValue<string>(), refused["id"]!.GetValue<string>(),
            refused["payload"]![0]!["extensions"]!["code"]!.GetValue<string>()));
    }

    private const string ChangeLevel = """
        mutation($input: ChangeIncidentLevelInput!) { changeIncidentLevel(input: $input) { incident { id level } errors { code message } } }
        """;

    private static (string, string) Error(JsonNode payload) =>
        (payload["errors"]![0]!["code"]!.GetValue<string>(), payload["errors"]![0]!["field"]!.GetValue<string>());

    private static Guid RawId(string globalId)
    {
        var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(globalId));
        return Guid.ParseExact(text[(text.IndexOf(':') + 1)..], "N");
    }
}
