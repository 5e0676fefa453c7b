using System.Text.Json.Nodes;
using Muster.Api.Tests.Support;

namespace Muster.Api.Tests.Dispatch;

/// <summary>A city with a bureau, a shared depot of tents and a ventilation expert; each test registers the units it claims.</summary>
public sealed class ApprovalCity : AppFixture
{
    public const double Lat = 36.60;
    public const double Lon = 111.75;
    public const string Tent = "1010101";

    public string Bureau { get; private set; } = "";
    public string SharedDepot { get; private set; } = "";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Bureau = await AgencyCalls.RegisterAsync(App, "霍州市应急管理局", "BUREAU");
        SharedDepot = await DepotCalls.RegisterAsync(App, Bureau, "市应急物资共用库", Lat - 0.03, Lon, shared: true);
        await CatalogCalls.DefineAsync(App, Tent, "单帐篷");
        await StockCalls.StockAsync(App, SharedDepot, Tent, 1000, "T-1", "2031-12-31");
    }

    /// <summary>A capability no other test uses, and <paramref name="count"/> units that carry it, nearest first.</summary>
    public async Task<(string Capability, List<string> Units)> UnitsAsync(int count)
    {
        var capability = "t" + Guid.NewGuid().ToString("N")[..10];
        var units = new List<string>();
        for (var i = 0; i < count; i++)
        {
            units.Add(await UnitCalls.RegisterAsync(App, Bureau, $"{capability} 第{i + 1}队", Lat + 0.01 * (i + 1), Lon, "RESCUE_TEAM", [capability]));
        }

        return (capability, units);
    }

    public async Task<(string Incident, JsonNode Proposal)> ProposeAsync(object requirements)
    {
        var incident = await DispatchCalls.ReportAsync(App, "LANDSLIDE", "II", Lat, Lon, "陶唐峪乡山体滑坡");
        var payload = await DispatchCalls.ProposeAsync(App, incident, requirements);
        Assert.True(payload["errors"]!.AsArray().Count == 0, payload.ToJsonString());
        return (incident, payload["proposal"]!);
    }
}

public sealed class ApproveDispatchTests(ApprovalCity city) : IClassFixture<ApprovalCity>
{
    private MusterApp App => city.App;

    [Fact]
    public async Task Approving_assigns_the_units_and_reserves_the_supplies_as_a_supply_request_of_the_incident()
    {
        var (capability, units) = await city.UnitsAsync(2);
        var (incident, proposal) = await city.ProposeAsync(new
        {
            units = new object[] { new { capability, count = 2 } },
            supplies = new object[] { new { itemCode = ApprovalCity.Tent, quantity = 40 } },
        });
        var before = (await StockCalls.LevelsAsync(App, ApprovalCity.Tent, city.SharedDepot)).Single()!["reserved"]!.GetValue<int>();

        var approved = await ApproveCalls.ApproveAsync(App, proposal["id"]!.GetValue<string>());

        Assert.Empty(approved["errors"]!.AsArray());
        Assert.Equal("RESPONDING", approved["incident"]!["status"]!.GetValue<string>());
        Assert.Equal(["ASSIGNED", "ASSIGNED"], await Task.WhenAll(units.Select(u => ApproveCalls.UnitStatusAsync(App, u))));
        Assert.Equal(before + 40, (await StockCalls.LevelsAsync(App, ApprovalCity.Tent, city.SharedDepot)).Single()!["reserved"]!.GetValue<int>());
        var requests = await App.PostAsync("query { supplyRequests(status: ALLOCATED, first: 50) { edges { node { incidentId priority lines { itemCode quantity } } } } }", null, App.Token("logistics"));
        var request = requests.Data!["supplyRequests"]!["edges"]!.AsArray().Select(e => e!["node"]!).Single(n => n["incidentId"]?.GetValue<string>() == incident);
        Assert.Equal(("URGENT", 40), (request["priority"]!.GetValue<string>(), request["lines"]![0]!["quantity"]!.GetValue<int>()));

        var read = await App.PostAsync("query($id: ID!) { node(id: $id) { ... on Incident { assignedUnits { id } supplyRequests { status } latestProposal { status } } } }",
            new { id = incident }, App.Token("commander"));
        var node = read.Data!["node"]!;
        Assert.Equal(units.Order(), node["assignedUnits"]!.AsArray().Select(u => u!["id"]!.GetValue<string>()).Order());
        Assert.Equal("ALLOCATED", Assert.Single(node["supplyRequests"]!.AsArray())!["status"]!.GetValue<string>());
        Assert.Equal("APPROVED", node["latestProposal"]!["status"]!.GetValue<string>());

        var again = await ApproveCalls.ApproveAsync(App, proposal["id"]!.GetValue<string>());
        Assert.Equal("INVALID_STATE", DispatchCalls.ErrorCode(again));
    }

    [Fact]
    public async Task If_a_unit_was_taken_meanwhile_nothing_is_dispatched_and_the_conflict_names_it()
    {
        var (capability, units) = await city.UnitsAsync(2);
        var (incident, proposal) = await city.ProposeAsync(new
        {
            units = new object[] { new { capability, count = 2 } },
            supplies = new object[] { new { itemCode = ApprovalCity.Tent, quantity = 5 } },
        });
        var reservedBefore = (await StockCalls.LevelsAsync(App, ApprovalCity.Tent, city.SharedDepot)).Single()!["reserved"]!.GetValue<int>();
        await App.PostAsync(UnitCalls.ChangeStatus, new { input = new { unitId = units[1], status = "OUT_OF_SERVICE", reason = "故障" } }, App.Token("admin"));

        var refused = await ApproveCalls.ApproveAsync(App, proposal["id"]!.GetValue<string>());

        Assert.Equal("CONFLICT", DispatchCalls.ErrorCode(refused));
        Assert.Contains("OUT_OF_SERVICE", refused["errors"]![0]!["message"]!.GetValue<string>());
        Assert.Equal("AVAILABLE", await ApproveCalls.UnitStatusAsync(App, units[0]));
        Assert.Equal(reservedBefore, (await StockCalls.LevelsAsync(App, ApprovalCity.Tent, city.SharedDepot)).Single()!["reserved"]!.GetValue<int>());
        var read = await App.PostAsync("query($id: ID!) { node(id: $id) { ... on Incident { status } } }", new { id = incident }, App.Token("commander"));
        Assert.Equal("REPORTED", read.Data!["node"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Two_commanders_approving_proposals_that_claim_the_same_unit_at_once_one_wins_and_the_other_changes_nothing()
    {
        for (var round = 0; round < 4; round++)
        {
            var (shared, sharedUnits) = await city.UnitsAsync(1);
            var (ownA, unitsA) = await city.UnitsAsync(1);
            var (ownB, unitsB) = await city.UnitsAsync(1);
            var (_, a) = await city.ProposeAsync(new { units = new object[] { new { capability = shared, count = 1 }, new { capability = ownA, count = 1 } } });
            var (_, b) = await city.ProposeAsync(new { units = new object[] { new { capability = shared, count = 1 }, new { capability = ownB, count = 1 } } });

            var answers = await Task.WhenAll(
                ApproveCalls.ApproveAsync(App, a["id"]!.GetValue<string>(), token: App.Token("commander", subject: "commander-zhang")),
                ApproveCalls.ApproveAsync(App, b["id"]!.GetValue<string>(), token: App.Token("commander", subject: "commander-li")));

            var codes = answers.Select(DispatchCalls.ErrorCode).ToList();
            Assert.Single(codes, c => c is null);
            Assert.Single(codes, c => c == "CONFLICT");
            var loserOwn = codes[0] is null ? unitsB[0] : unitsA[0];
            var winnerOwn = codes[0] is null ? unitsA[0] : unitsB[0];
            Assert.Equal("ASSIGNED", await ApproveCalls.UnitStatusAsync(App, sharedUnits[0]));
            Assert.Equal("ASSIGNED", await ApproveCalls.UnitStatusAsync(App, winnerOwn));
            Assert.Equal("AVAILABLE", await ApproveCalls.UnitStatusAsync(App, loserOwn));
        }
    }

    [Fact]
    public async Task The_commander_may_leave_out_a_proposed_unit()
    {
        var (capability, units) = await city.UnitsAsync(2);
        var (_, proposal) = await city.ProposeAsync(new { units = new object[] { new { capability, count = 2 } } });

        var approved = await ApproveCalls.ApproveAsync(App, proposal["id"]!.GetValue<string>(), excluding: [units[1]]);

        Assert.Empty(approved["errors"]!.AsArray());
        Assert.Equal(("ASSIGNED", "AVAILABLE"), (await ApproveCalls.UnitStatusAsync(App, units[0]), await ApproveCalls.UnitStatusAsync(App, units[1])));
    }

    [Theory]
    [InlineData("logistics")]
    [InlineData("partner")]
    public async Task Only_commanders_and_admins_approve(string role)
    {
        var (capability, units) = await city.UnitsAsync(1);
        var (_, proposal) = await city.ProposeAsync(new { units = new object[] { new { capability, count = 1 } } });

        var response = await App.PostAsync(ApproveCalls.Approve, new { input = new { proposalId = proposal["id"]!.GetValue<string>() } }, App.Token(role, city.Bureau));

        Assert.Contains("FORBIDDEN", response.ErrorCodes);
        Assert.Equal("AVAILABLE", await ApproveCalls.UnitStatusAsync(App, units[0]));
    }

    [Fact]
    public async Task Closing_the_incident_lets_its_units_go_and_releases_the_unshipped_supplies()
    {
        var (capability, units) = await city.UnitsAsync(1);
        var (incident, proposal) = await city.ProposeAsync(new
        {
            units = new object[] { new { capability, count = 1 } },
            supplies = new object[] { new { itemCode = ApprovalCity.Tent, quantity = 7 } },
        });
        var reservedBefore = (await StockCalls.LevelsAsync(App, ApprovalCity.Tent, city.SharedDepot)).Single()!["reserved"]!.GetValue<int>();
        await ApproveCalls.ApproveAsync(App, proposal["id"]!.GetValue<string>());

        var closed = await ApproveCalls.CloseAsync(App, incident);
        var closedAgain = await ApproveCalls.CloseAsync(App, incident);
        var proposeAfter = await DispatchCalls.ProposeAsync(App, incident, new { units = new object[] { new { capability, count = 1 } } });

        Assert.Equal("CLOSED", closed["incident"]!["status"]!.GetValue<string>());
        Assert.Equal("AVAILABLE", await ApproveCalls.UnitStatusAsync(App, units[0]));
        Assert.Equal(reservedBefore, (await StockCalls.LevelsAsync(App, ApprovalCity.Tent, city.SharedDepot)).Single()!["reserved"]!.GetValue<int>());
        Assert.Equal("INVALID_STATE", DispatchCalls.ErrorCode(closedAgain));
        Assert.Equal("INVALID_STATE", DispatchCalls.ErrorCode(proposeAfter));
    }

    [Fact]
    public async Task Bad_closings_are_refused_and_leave_the_incident_open()
    {
        var incident = await DispatchCalls.ReportAsync(App, "FLOOD", "IV", ApprovalCity.Lat, ApprovalCity.Lon, "退沙街道积水");

        var noReason = await ApproveCalls.CloseAsync(App, incident, reason: "  ");
        var unknown = await ApproveCalls.CloseAsync(App, Ids.Unknown("Incident"));
        var wrongType = await ApproveCalls.CloseAsync(App, city.SharedDepot);
        var byPartner = await App.PostAsync(ApproveCalls.Close, new { input = new { incidentId = incident, reason = "结束" } }, App.Token("partner", city.Bureau));

        Assert.Equal(("VALIDATION", "reason"), (DispatchCalls.ErrorCode(noReason), noReason["errors"]![0]!["field"]!.GetValue<string>()));
        Assert.Equal("NOT_FOUND", DispatchCalls.ErrorCode(unknown));
        Assert.Equal("NOT_FOUND", DispatchCalls.ErrorCode(wrongType));
        Assert.Contains("FORBIDDEN", byPartner.ErrorCodes);
        var read = await App.PostAsync("query($id: ID!) { node(id: $id) { ... on Incident { status } } }", new { id = incident }, App.Token("commander"));
        Assert.Equal("REPORTED", read.Data!["node"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Approving_an_unknown_proposal_or_with_a_malformed_exclusion_is_refused_and_claims_nothing()
    {
        var (capability, units) = await city.UnitsAsync(1);
        var (_, proposal) = await city.ProposeAsync(new { units = new object[] { new { capability, count = 1 } } });

        var unknown = await ApproveCalls.ApproveAsync(App, Ids.Unknown("DispatchProposal"));
        var wrongType = await ApproveCalls.ApproveAsync(App, units[0]);
        var malformed = await ApproveCalls.ApproveAsync(App, proposal["id"]!.GetValue<string>(), excluding: ["not-an-id"]);

        Assert.Equal("NOT_FOUND", DispatchCalls.ErrorCode(unknown));
        Assert.Equal("NOT_FOUND", DispatchCalls.ErrorCode(wrongType));
        Assert.Equal(("VALIDATION", "excluding"), (DispatchCalls.ErrorCode(malformed), malformed["errors"]![0]!["field"]!.GetValue<string>()));
        Assert.Equal("AVAILABLE", await ApproveCalls.UnitStatusAsync(App, units[0]));
    }
}
