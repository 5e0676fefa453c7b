using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Muster.Api.Tests.Hazards;
using Muster.Api.Tests.Support;

namespace Muster.Api.Tests.Readiness;

/// <summary>
/// Huozhou's west (a township of 32,000 people and a red mine, 白龙) and east (a township of unknown population and a
/// red mine, 东山, 18 km away) and a depot by the east mine; every test registers its own two mine rescue teams at the
/// west station under a capability of its own, so none sees another's units. The arrival sweep runs every second.
/// </summary>
public class MoveUpCounty : AppFixture
{
    public const double StationLat = 36.535, StationLon = 111.69;
    public const double DepotLat = 36.605, DepotLon = 111.875;

    public string Agency { get; private set; } = "";
    public string EastDepot { get; private set; } = "";

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Readiness:MoveUp:ArrivalSweep"] = "00:00:01" };

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Agency = await AgencyCalls.RegisterAsync(App, "霍州煤电矿山救护大队", "MINE_RESCUE");
        var county = await JurisdictionCalls.RegisterAsync(App, new { name = "霍州市", level = "COUNTY", boundary = JurisdictionCalls.CountyBoundary });
        await JurisdictionCalls.RegisterAsync(App, new { name = "白龙镇", level = "TOWNSHIP", parentId = county, seat = new { lat = 36.53, lon = 111.70 }, population = 32_000 });
        await JurisdictionCalls.RegisterAsync(App, new { name = "东山镇", level = "TOWNSHIP", parentId = county, seat = new { lat = 36.60, lon = 111.88 } });
        await HazardCalls.RegisterAsync(App, HazardCalls.Mine("白龙煤矿", 36.52, 111.68, "RED"));
        await HazardCalls.RegisterAsync(App, HazardCalls.Mine("东山煤矿", 36.61, 111.87, "RED"));
        EastDepot = await DepotCalls.RegisterAsync(App, Agency, "东山应急物资库", DepotLat, DepotLon, shared: true);
    }

    public async Task<(string First, string Second)> TwoTeamsAsync(string capability) =>
        (await UnitCalls.RegisterAsync(App, Agency, $"{capability} 一中队", StationLat, StationLon, "MINE_RESCUE_TEAM", [capability]),
         await UnitCalls.RegisterAsync(App, Agency, $"{capability} 二中队", StationLat, StationLon, "MINE_RESCUE_TEAM", [capability]));
}

/// <summary>The county on a clock the test moves (Quartz and the tokens go by it too: it only ever moves forward).</summary>
public sealed class MoveUpCountyOnAMovableClock : MoveUpCounty
{
    public MovableClock Clock { get; } = new();

    protected override Action<IServiceCollection> Services => services => services.AddSingleton<TimeProvider>(Clock);
}

public sealed class MoveUpArrivalTests(MoveUpCountyOnAMovableClock county) : IClassFixture<MoveUpCountyOnAMovableClock>
{
    private MusterApp App => county.App;

    [Fact]
    public async Task A_commander_approves_a_move_up_and_the_team_drives_there_and_is_available_at_the_depot_when_its_time_comes()
    {
        await county.TwoTeamsAsync("mine-rescue-approve");
        var suggestion = (await App.PostAsync(MoveUpCalls.Suggest, new { c = "mine-rescue-approve", s = 900, m = 1 }, App.Token("commander"))).Data!["moveUpSuggestion"]!;
        var move = suggestion["moves"]![0]!;
        var unit = move["unit"]!["id"]!.GetValue<string>();

        var approved = await MoveUpCalls.ApproveAsync(App, new { unitId = unit, postId = move["to"]!["id"]!.GetValue<string>() });

        var payload = approved.Data!["approveMoveUp"]!;
        Assert.Empty(payload["errors"]!.AsArray());
        var moved = payload["moveUp"]!["moves"]![0]!;
        Assert.Equal("EN_ROUTE", moved["unit"]!["status"]!.GetValue<string>());
        Assert.Equal("东山应急物资库", moved["unit"]!["movingUp"]!["postName"]!.GetValue<string>());
        Assert.Equal(move["etaSeconds"]!.GetValue<int>(), moved["etaSeconds"]!.GetValue<int>());
        var expected = moved["expectedAt"]!.GetValue<DateTimeOffset>();
        Assert.Equal(expected, moved["unit"]!["movingUp"]!["expectedAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal(["unit_status_changed", "unit_moving_up"], (await MoveUpCalls.TrailAsync(App, unit)).Skip(1));

        // Still on the road: nothing happens before the expected arrival.
        var onTheWay = await App.PostAsync(MoveUpCalls.Unit, new { id = unit }, App.Token("commander"));
        Assert.Equal("EN_ROUTE", onTheWay.Data!["node"]!["status"]!.GetValue<string>());

        // Tokens are issued on the service's clock and checked on the real one: take them before the clock moves.
        var commander = App.Token("commander");
        var admin = App.Token("admin");
        county.Clock.Advance(TimeSpan.FromSeconds(move["etaSeconds"]!.GetValue<int>() + 5));
        await Eventually.HoldsAsync(async () =>
            (await App.PostAsync(MoveUpCalls.Unit, new { id = unit }, commander)).Data!["node"]!["status"]!.GetValue<string>() == "AVAILABLE",
            "the team is AVAILABLE at the depot once its expected arrival has come", TimeSpan.FromSeconds(20));
        var there = (await App.PostAsync(MoveUpCalls.Unit, new { id = unit }, commander)).Data!["node"]!;
        Assert.Equal(MoveUpCounty.DepotLat, there["location"]!["lat"]!.GetValue<double>(), 6);
        Assert.Equal(MoveUpCounty.DepotLon, there["location"]!["lon"]!.GetValue<double>(), 6);
        Assert.Null(there["movingUp"]);
        Assert.Equal(["unit_status_changed", "unit_moving_up", "unit_arrived_at_post", "unit_status_changed"], (await MoveUpCalls.TrailAsync(App, unit, admin)).Skip(1));
        var again = (await App.PostAsync(MoveUpCalls.Suggest, new { c = "mine-rescue-approve", s = 900, m = 1 }, commander)).Data!["moveUpSuggestion"]!;
        Assert.Equal(suggestion["coveredWeightShareAfter"]!.GetValue<double>(), again["coveredWeightShareBefore"]!.GetValue<double>(), 9);
        Assert.Empty(again["moves"]!.AsArray());
    }

}

public sealed class MoveUpTests(MoveUpCounty county) : IClassFixture<MoveUpCounty>
{
    private const string Suggest = MoveUpCalls.Suggest;
    private const string Unit = MoveUpCalls.Unit;

    private MusterApp App => county.App;

    [Fact]
    public async Task A_commander_asks_where_to_move_up_and_one_team_is_sent_to_the_depot_by_the_uncovered_mine()
    {
        var (first, second) = await county.TwoTeamsAsync("mine-rescue-suggest");

        var one = (await App.PostAsync(Suggest, new { c = "mine-rescue-suggest", s = 900, m = 1 }, App.Token("commander"))).Data!["moveUpSuggestion"]!;
        var two = (await App.PostAsync(Suggest, new { c = "mine-rescue-suggest", s = 900, m = 2 }, App.Token("admin"))).Data!["moveUpSuggestion"]!;

        var move = Assert.Single(one["moves"]!.AsArray())!;
        Assert.Contains(move["unit"]!["id"]!.GetValue<string>(), new[] { first, second });
        Assert.Equal("东山应急物资库", move["to"]!["name"]!.GetValue<string>());
        Assert.Equal("DEPOT", move["to"]!["kind"]!.GetValue<string>());
        Assert.Equal(["东山煤矿", "东山镇"], move["recovers"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()).Order());
        Assert.Equal(5.0, move["recoveredWeight"]!.GetValue<double>(), 6); // a red mine (4) and a seat of unknown population (1)
        var distance = Geodesic.Meters(MoveUpCounty.StationLat, MoveUpCounty.StationLon, MoveUpCounty.DepotLat, MoveUpCounty.DepotLon);
        Assert.Equal(distance, move["distanceMeters"]!.GetValue<double>(), 0);
        Assert.Equal((int)Math.Round(60 + (distance * 1.4 / (50 / 3.6))), move["etaSeconds"]!.GetValue<int>()); // a mine rescue team's ETA
        var before = one["coveredWeightShareBefore"]!.GetValue<double>();
        var after = one["coveredWeightShareAfter"]!.GetValue<double>();
        Assert.Equal(5.0 / one["totalWeight"]!.GetValue<double>(), after - before, 6);
        Assert.Equal(after - before, move["coverageGain"]!.GetValue<double>(), 6);
        Assert.True(one["optimal"]!.GetValue<bool>());
        Assert.Equal("EXACT", one["method"]!.GetValue<string>());
        Assert.Equal(0, one["gapShare"]!.GetValue<double>());
        Assert.Equal(2, one["availableUnits"]!.GetValue<int>());
        Assert.Equal(4, one["posts"]!.GetValue<int>()); // the depot, two township seats, the teams' one station
        // The contract's list: the same move, each carrying the suggestion it is part of.
        var list = await App.PostAsync(
            "query { suggestMoveUp(capability: \"mine-rescue-suggest\", withinSeconds: 900, maxMoves: 1) { unit { id } to { id name } etaSeconds coverageGain suggestion { coveredWeightShareAfter optimal gapShare } } }",
            token: App.Token("commander"));
        var listed = Assert.Single(list.Data!["suggestMoveUp"]!.AsArray())!;
        Assert.Equal(move["unit"]!["id"]!.GetValue<string>(), listed["unit"]!["id"]!.GetValue<string>());
        Assert.Equal(move["to"]!["id"]!.GetValue<string>(), listed["to"]!["id"]!.GetValue<string>());
        Assert.Equal(after, listed["suggestion"]!["coveredWeightShareAfter"]!.GetValue<double>(), 9);
        // A second move would only leave the west with one team less: it is not suggested.
        Assert.Single(two["moves"]!.AsArray());
        Assert.Equal(after, two["coveredWeightShareAfter"]!.GetValue<double>(), 9);
    }

    [Fact]
    public async Task A_team_that_reports_a_position_at_its_post_has_arrived_before_its_expected_time()
    {
        var (first, _) = await county.TwoTeamsAsync("mine-rescue-report");
        var approved = await ApproveAsync(new { unitId = first, postId = "depot:" + RawId(county.EastDepot) });
        Assert.Empty(approved.Data!["approveMoveUp"]!["errors"]!.AsArray());

        var report = await UnitCalls.ReportAsync(App, first, MoveUpCounty.DepotLat + 0.0005, MoveUpCounty.DepotLon, DateTimeOffset.UtcNow);
        Assert.Null(UnitCalls.ErrorCode(report));

        await Eventually.HoldsAsync(async () =>
            (await App.PostAsync(Unit, new { id = first }, App.Token("commander"))).Data!["node"]!["status"]!.GetValue<string>() == "AVAILABLE",
            "the team is AVAILABLE once it reported a position at the depot", TimeSpan.FromSeconds(20));
        var there = (await App.PostAsync(Unit, new { id = first }, App.Token("commander"))).Data!["node"]!;
        Assert.Equal(MoveUpCounty.DepotLat, there["location"]!["lat"]!.GetValue<double>(), 6);
    }

    [Fact]
    public async Task Approving_a_move_up_with_a_team_taken_meanwhile_is_a_conflict_on_that_move_and_records_nothing()
    {
        var (first, second) = await county.TwoTeamsAsync("mine-rescue-taken");
        var taken = await App.PostAsync(
            "mutation($input: ChangeUnitStatusInput!) { changeUnitStatus(input: $input) { unit { status } errors { code } } }",
            new { input = new { unitId = second, status = "ASSIGNED" } }, App.Token("commander"));
        Assert.Equal("ASSIGNED", taken.Data!["changeUnitStatus"]!["unit"]!["status"]!.GetValue<string>());
        var events = await App.EventCountAsync();

        var approved = await ApproveAsync(
            new { unitId = first, postId = "depot:" + RawId(county.EastDepot) },
            new { unitId = second, postId = "depot:" + RawId(county.EastDepot) });

        var error = Assert.Single(approved.Data!["approveMoveUp"]!["errors"]!.AsArray())!;
        Assert.Equal("CONFLICT", error["code"]!.GetValue<string>());
        Assert.Equal("moves[1].unitId", error["field"]!.GetValue<string>());
        Assert.Contains("ASSIGNED", error["message"]!.GetValue<string>());
        Assert.Null(approved.Data!["approveMoveUp"]!["moveUp"]);
        Assert.Equal(events, await App.EventCountAsync());
        Assert.Equal("AVAILABLE", (await App.PostAsync(Unit, new { id = first }, App.Token("commander"))).Data!["node"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Bad_questions_and_bad_moves_are_refused_naming_the_field_and_record_nothing()
    {
        var (first, second) = await county.TwoTeamsAsync("mine-rescue-bad");
        var events = await App.EventCountAsync();
        var commander = App.Token("commander");
        var depot = "depot:" + RawId(county.EastDepot);

        var noMoves = await App.PostAsync(Suggest, new { c = "mine-rescue-bad", s = 900, m = 0 }, commander);
        var tooSoon = await App.PostAsync(Suggest, new { c = "mine-rescue-bad", s = 10, m = 1 }, commander);
        var badTag = await App.PostAsync(Suggest, new { c = "Mine Rescue!", s = 900, m = 1 }, commander);
        var empty = (await ApproveAsync()).Data!["approveMoveUp"]!;
        var twice = (await ApproveAsync(new { unitId = first, postId = depot }, new { unitId = first, postId = depot })).Data!["approveMoveUp"]!;
        var noPost = (await ApproveAsync(new { unitId = first, postId = "depot:" + Guid.NewGuid() })).Data!["approveMoveUp"]!;
        var noUnit = (await ApproveAsync(new { unitId = county.EastDepot, postId = depot })).Data!["approveMoveUp"]!;
        var alreadyThere = (await ApproveAsync(new { unitId = second, postId = "station:" + RawId(first) })).Data!["approveMoveUp"]!;

        Assert.Equal(["VALIDATION"], noMoves.ErrorCodes);
        Assert.Contains("maxMoves", noMoves.ErrorMessages[0]);
        Assert.Equal(["VALIDATION"], tooSoon.ErrorCodes);
        Assert.Contains("withinSeconds", tooSoon.ErrorMessages[0]);
        Assert.Equal(["VALIDATION"], badTag.ErrorCodes);
        Assert.Contains("capability", badTag.ErrorMessages[0]);
        Assert.Equal(("VALIDATION", "moves"), Error(empty));
        Assert.Equal(("VALIDATION", "moves[1].unitId"), Error(twice));
        Assert.Equal(("NOT_FOUND", "moves[0].postId"), Error(noPost));
        Assert.Equal(("NOT_FOUND", "moves[0].unitId"), Error(noUnit));
        Assert.Equal(("VALIDATION", "moves[0].postId"), Error(alreadyThere));
        Assert.Equal(events, await App.EventCountAsync());
    }

    [Fact]
    public async Task Logistics_and_partners_may_neither_ask_for_nor_approve_a_move_up()
    {
        var (first, _) = await county.TwoTeamsAsync("mine-rescue-roles");
        var events = await App.EventCountAsync();
        var move = new { input = new { moves = new[] { new { unitId = first, postId = "depot:" + RawId(county.EastDepot) } } } };

        var logistics = await App.PostAsync(Suggest, new { c = "mine-rescue-roles", s = 900, m = 1 }, App.Token("logistics"));
        var partner = await App.PostAsync(Suggest, new { c = "mine-rescue-roles", s = 900, m = 1 }, App.Token("partner", county.Agency));
        var partnerApproves = await App.PostAsync(MoveUpCalls.Approve, move, App.Token("partner", county.Agency));
        var logisticsApproves = await App.PostAsync(MoveUpCalls.Approve, move, App.Token("logistics"));

        Assert.Equal(["FORBIDDEN"], logistics.ErrorCodes);
        Assert.Equal(["FORBIDDEN"], partner.ErrorCodes);
        Assert.Equal(["FORBIDDEN"], partnerApproves.ErrorCodes);
        Assert.Equal(["FORBIDDEN"], logisticsApproves.ErrorCodes);
        Assert.Equal(events, await App.EventCountAsync());
    }

    private Task<GraphQLResponse> ApproveAsync(params object[] moves) => MoveUpCalls.ApproveAsync(App, moves);

    private static string RawId(string globalId) => MoveUpCalls.RawId(globalId);

    private static (string? Code, string? Field) Error(JsonNode payload) =>
        (payload["errors"]![0]?["code"]?.GetValue<string>(), payload["errors"]![0]?["field"]?.GetValue<string>());
}

public static class MoveUpCalls
{
    public const string Suggest = """
        query($c: String!, $s: Int!, $m: Int!) {
          moveUpSuggestion(capability: $c, withinSeconds: $s, maxMoves: $m) {
            moves { unit { id status } to { id name kind location { lat lon } } distanceMeters etaSeconds coverageGain recoveredWeight recovers { name weight } }
            totalWeight coveredWeightShareBefore coveredWeightShareAfter optimal boundWeightShare gapShare method demandPoints availableUnits posts
          }
        }
        """;

    public const string Approve = """
        mutation($input: ApproveMoveUpInput!) {
          approveMoveUp(input: $input) {
            moveUp { id moves { unit { id status movingUp { postId postName expectedAt } } to { id name } etaSeconds expectedAt } }
            errors { code message field }
          }
        }
        """;

    public const string Unit = "query($id: ID!) { node(id: $id) { ... on RescueUnit { status location { lat lon } movingUp { postName expectedAt } } } }";

    public static Task<GraphQLResponse> ApproveAsync(MusterApp app, params object[] moves) =>
        app.PostAsync(Approve, new { input = new { moves } }, app.Token("commander"));

    public static async Task<List<string>> TrailAsync(MusterApp app, string unit, string? token = null)
    {
        var trail = await app.PostAsync("query($of: ID!) { auditTrail(of: $of) { edges { node { eventType } } } }", new { of = unit }, token ?? app.Token("admin"));
        return trail.Data!["auditTrail"]!["edges"]!.AsArray().Select(e => e!["node"]!["eventType"]!.GetValue<string>()).ToList();
    }

    /// <summary>The object's own id inside its global id, as a move-up post id names it.</summary>
    public static string RawId(string globalId) =>
        Guid.Parse(System.Text.Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(globalId)).Split(':')[1]).ToString();
}
