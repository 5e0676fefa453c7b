using Muster.Api.Tests.Support;

namespace Muster.Api.Tests.Incidents;

public sealed class IncidentLifecycleTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private MusterApp App => fixture.App;

    private const string Incidents = """
        query($status: IncidentStatus, $kind: IncidentKind, $level: ResponseLevel, $area: AreaInput, $after: DateTime) {
          incidents(status: $status, kind: $kind, level: $level, area: $area, reportedAfter: $after, first: 50) { totalCount edges { node { id title level } } }
        }
        """;

    private const string ChangeLevel = """
        mutation($input: ChangeIncidentLevelInput!) { changeIncidentLevel(input: $input) { incident { id level updatedAt } errors { code field } } }
        """;

    [Fact]
    public async Task Incidents_are_found_by_kind_level_area_and_time_newest_first()
    {
        var flood = await DispatchCalls.ReportAsync(App, "FLOOD", "III", 36.5680, 111.7150, "汾河霍州段漫堤");
        // Incidents of the other tests were reported before this one: the server's report time separates them.
        var since = (await App.PostAsync("query($id: ID!) { node(id: $id) { ... on Incident { reportedAt } } }", new { id = flood }, App.Token("commander")))
            .Data!["node"]!["reportedAt"]!.GetValue<string>();
        var landslide = await DispatchCalls.ReportAsync(App, "LANDSLIDE", "IV", 36.4500, 111.6000, "陶唐峪乡山体滑坡");
        var secondFlood = await DispatchCalls.ReportAsync(App, "FLOOD", "IV", 36.5700, 111.7200, "开元街道积水");

        var floods = await App.PostAsync(Incidents, new { kind = "FLOOD", after = since }, App.Token("partner", Guid.NewGuid()));
        var levelFour = await App.PostAsync(Incidents, new { level = "IV", after = since }, App.Token("logistics"));
        var inTown = await App.PostAsync(Incidents, new { area = new { south = 36.55, west = 111.70, north = 36.60, east = 111.75 }, after = since }, App.Token("commander"));

        Assert.Equal([secondFlood, flood], IdsOf(floods));
        Assert.Equal([secondFlood, landslide], IdsOf(levelFour));
        Assert.Equal([secondFlood, flood], IdsOf(inTown));
    }

    [Fact]
    public async Task Escalating_changes_the_level_and_the_timeline_and_time_travel_show_who_did_what_when()
    {
        var incident = await DispatchCalls.ReportAsync(App, "MINE_FLOODING", "III", 36.62, 111.78, "某煤矿透水");
        var escalated = await App.PostAsync(ChangeLevel, new { input = new { incidentId = incident, level = "I", reason = "被困 30 人" } }, App.Token("commander", subject: "commander-wang"));

        var timeline = await App.PostAsync("query($id: ID!) { incidentTimeline(incidentId: $id) { totalCount edges { node { eventType at actor { subject role } } } } }",
            new { id = incident }, App.Token("admin"));
        var entries = timeline.Data!["incidentTimeline"]!["edges"]!.AsArray().Select(e => e!["node"]!).ToList();
        // Time travel to the instants the server recorded: the report, then the escalation.
        var asOfReport = await IncidentAsOfAsync(incident, entries[0]["at"]!.GetValue<string>());
        var asOfEscalation = await IncidentAsOfAsync(incident, entries[1]["at"]!.GetValue<string>());

        Assert.Equal("I", escalated.Data!["changeIncidentLevel"]!["incident"]!["level"]!.GetValue<string>());
        Assert.Equal(("III", "I"), (asOfReport["level"]!.GetValue<string>(), asOfEscalation["level"]!.GetValue<string>()));
        Assert.Equal(["incident_reported", "incident_level_changed"], entries.Select(e => e["eventType"]!.GetValue<string>()));
        Assert.Equal(("commander-wang", "commander"), (entries[1]["actor"]!["subject"]!.GetValue<string>(), entries[1]["actor"]!["role"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Bad_reports_and_regrades_are_refused_and_change_nothing()
    {
        var incident = await DispatchCalls.ReportAsync(App, "BUILDING_FIRE", "IV", 36.57, 111.72, "鼓楼街道居民楼火灾");

        var wrapLatitude = await App.PostAsync(DispatchCalls.Report,
            new { input = new { kind = "FLOOD", level = "IV", title = "x", location = new { lat = 123.0, lon = 111.7 } } }, App.Token("commander"));
        var same = await App.PostAsync(ChangeLevel, new { input = new { incidentId = incident, level = "IV", reason = "复核" } }, App.Token("commander"));
        var unknown = await App.PostAsync(ChangeLevel, new { input = new { incidentId = Ids.Unknown("Incident"), level = "I", reason = "复核" } }, App.Token("commander"));
        var byLogistics = await App.PostAsync(ChangeLevel, new { input = new { incidentId = incident, level = "I", reason = "复核" } }, App.Token("logistics"));
        var byPartner = await App.PostAsync(DispatchCalls.Report,
            new { input = new { kind = "FLOOD", level = "IV", title = "x", location = new { lat = 36.5, lon = 111.7 } } }, App.Token("partner", Guid.NewGuid()));

        Assert.Contains("VALIDATION", wrapLatitude.ErrorCodes);
        Assert.Equal("INVALID_STATE", same.Data!["changeIncidentLevel"]!["errors"]![0]!["code"]!.GetValue<string>());
        Assert.Equal("NOT_FOUND", unknown.Data!["changeIncidentLevel"]!["errors"]![0]!["code"]!.GetValue<string>());
        Assert.Contains("FORBIDDEN", byLogistics.ErrorCodes);
        Assert.Contains("FORBIDDEN", byPartner.ErrorCodes);
        var read = await App.PostAsync("query($id: ID!) { node(id: $id) { ... on Incident { level } } }", new { id = incident }, App.Token("commander"));
        Assert.Equal("IV", read.Data!["node"]!["level"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_incident_room_hears_each_committed_change_of_its_incident_only()
    {
        var incident = await DispatchCalls.ReportAsync(App, "HAZMAT_LEAK", "III", 36.55, 111.70, "化工园区氯气泄漏");
        var other = await DispatchCalls.ReportAsync(App, "HAZMAT_LEAK", "IV", 36.55, 111.70, "另一处泄漏");
        await using var socket = await GraphQLSocket.SubscribeListeningAsync(App, App.Token("partner", Guid.NewGuid()), "room",
            $$"""subscription { incidentChanged(id: "{{incident}}") { id level } }""");

        await App.PostAsync(ChangeLevel, new { input = new { incidentId = other, level = "III", reason = "扩散" } }, App.Token("commander"));
        await App.PostAsync(ChangeLevel, new { input = new { incidentId = incident, level = "II", reason = "扩散" } }, App.Token("commander"));
        var heard = await socket.ReceiveAsync();
        // The room hears its incident's changes one at a time, in commit order: the next change is the next message.
        await App.PostAsync(ChangeLevel, new { input = new { incidentId = incident, level = "I", reason = "人员撤离" } }, App.Token("commander"));
        var then = await socket.ReceiveAsync();

        Assert.Equal((incident, "II"), Level(heard));
        Assert.Equal((incident, "I"), Level(then));
    }

    [Theory]
    [InlineData("logistics")]
    [InlineData("partner")]
    public async Task Only_commanders_and_admins_read_the_timeline_and_the_past_or_record_drills(string role)
    {
        var incident = await DispatchCalls.ReportAsync(App, "FOREST_FIRE", "IV", 36.60, 111.85, "七里峪林区火情");
        var plan = await DispatchCalls.DefinePlanAsync(App, new { incidentKind = "FOREST_FIRE", level = "IV", units = new[] { new { capability = "forest-fire", count = 1 } } });
        var token = App.Token(role, Guid.NewGuid());

        var timeline = await App.PostAsync("query($id: ID!) { incidentTimeline(incidentId: $id) { totalCount } }", new { id = incident }, token);
        var asOf = await App.PostAsync("query($id: ID!, $at: DateTime!) { incidentAsOf(incidentId: $id, at: $at) { level } }",
            new { id = incident, at = DateTimeOffset.UtcNow.ToString("O") }, token);
        var drill = await App.PostAsync("mutation($input: RecordDrillInput!) { recordDrill(input: $input) { plan { lastDrillOn } } }",
            new { input = new { planId = plan, heldOn = "2026-01-01" } }, token);

        Assert.Contains("FORBIDDEN", timeline.ErrorCodes);
        Assert.Contains("FORBIDDEN", asOf.ErrorCodes);
        Assert.Contains("FORBIDDEN", drill.ErrorCodes);
        var read = await App.PostAsync("query($id: ID!) { node(id: $id) { ... on Plan { lastDrillOn } } }", new { id = plan }, App.Token("commander"));
        Assert.Null(read.Data!["node"]!["lastDrillOn"]);
    }

    private static (string, string) Level(System.Text.Json.Nodes.JsonNode message)
    {
        var changed = message["payload"]!["data"]!["incidentChanged"]!;
        return (changed["id"]!.GetValue<string>(), changed["level"]!.GetValue<string>());
    }

    private async Task<System.Text.Json.Nodes.JsonNode> IncidentAsOfAsync(string incident, string at)
    {
        var response = await App.PostAsync("query($id: ID!, $at: DateTime!) { incidentAsOf(incidentId: $id, at: $at) { level } }",
            new { id = incident, at }, App.Token("commander"));
        return response.Data?["incidentAsOf"] ?? throw new InvalidOperationException(response.Text);
    }

    private static List<string> IdsOf(GraphQLResponse response) =>
        response.Data!["incidents"]!["edges"]!.AsArray().Select(e => e!["node"]!["id"]!.GetValue<string>()).ToList();
}
