using Muster.Api.Tests.Support;

namespace Muster.Api.Tests.Dispatch;

public sealed class ProposeDispatchTests(MineScene scene) : IClassFixture<MineScene>
{
    private MusterApp App => scene.App;

    [Fact]
    public async Task The_plan_is_followed_nearest_capable_first_and_what_is_missing_is_said()
    {
        var incident = await scene.ReportAsync();

        var payload = await DispatchCalls.ProposeAsync(App, incident);

        Assert.Empty(payload["errors"]!.AsArray());
        var proposal = payload["proposal"]!;
        Assert.Equal(1, proposal["planVersion"]!.GetValue<int>());
        var mineRescue = proposal["units"]!.AsArray().Where(u => u!["capability"]!.GetValue<string>() == "mine-rescue").ToList();
        Assert.Equal([scene.NearMineRescue, scene.MidMineRescue], mineRescue.Select(u => u!["unit"]!["id"]!.GetValue<string>()));
        Assert.True(mineRescue[0]!["etaSeconds"]!.GetValue<int>() < mineRescue[1]!["etaSeconds"]!.GetValue<int>());
        Assert.StartsWith("nearest AVAILABLE unit with mine-rescue, ETA", mineRescue[0]!["reason"]!.GetValue<string>());
        Assert.Equal(scene.FarMineRescue, Assert.Single(mineRescue[0]!["alternatives"]!.AsArray())!["unit"]!["id"]!.GetValue<string>());
        Assert.Contains(proposal["units"]!.AsArray(), u => u!["unit"]!["id"]!.GetValue<string>() == scene.Ambulance);

        var supply = Assert.Single(proposal["supplies"]!.AsArray())!;
        Assert.Equal((scene.SharedDepot, 50), (supply["depot"]!["id"]!.GetValue<string>(), supply["quantity"]!.GetValue<int>()));
        var shortfall = Assert.Single(proposal["shortfalls"]!.AsArray())!;
        Assert.Equal(("SUPPLY", MineScene.Tent, 30), (shortfall["kind"]!.GetValue<string>(), shortfall["what"]!.GetValue<string>(), shortfall["quantity"]!.GetValue<int>()));
        Assert.Contains("short by 30", shortfall["reason"]!.GetValue<string>());
        Assert.Equal(scene.VentilationExpert, Assert.Single(proposal["experts"]!.AsArray())!["expert"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Explicit_requirements_need_no_plan_and_a_unit_fills_one_requirement_only()
    {
        var incident = await scene.ReportAsync("IV");

        var payload = await DispatchCalls.ProposeAsync(App, incident, new
        {
            units = new object[] { new { capability = "fire", count = 1 }, new { capability = "rescue", count = 1 } },
        });

        var proposal = payload["proposal"]!;
        Assert.Equal(scene.FireEngine, Assert.Single(proposal["units"]!.AsArray())!["unit"]!["id"]!.GetValue<string>());
        var shortfall = Assert.Single(proposal["shortfalls"]!.AsArray())!;
        Assert.Equal(("UNIT", 1), (shortfall["kind"]!.GetValue<string>(), shortfall["quantity"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Without_a_plan_for_the_kind_and_level_and_without_requirements_nothing_is_proposed()
    {
        var incident = await DispatchCalls.ReportAsync(App, "FLOOD", "III", MineScene.MineLat, MineScene.MineLon, "汾河霍州段洪水");

        var payload = await DispatchCalls.ProposeAsync(App, incident);

        Assert.Equal("NOT_FOUND", DispatchCalls.ErrorCode(payload));
        Assert.Null(payload["proposal"]);
    }

    public static TheoryData<object, string, string> BadRequirements => new()
    {
        { new { units = new object[] { new { capability = "mine-rescue", count = 0 } } }, "VALIDATION", "requirements.units" },
        { new { units = new object[] { new { capability = "mine-rescue", count = -2 } } }, "VALIDATION", "requirements.units" },
        { new { units = new object[] { new { capability = "Mine Rescue!", count = 1 } } }, "VALIDATION", "requirements.units" },
        { new { units = new object[] { new { capability = "space-rescue", count = 1 } } }, "NOT_FOUND", "requirements.units" },
        { new { supplies = new object[] { new { itemCode = "1019999", quantity = 5 } } }, "NOT_FOUND", "requirements.supplies" },
        { new { supplies = new object[] { new { itemCode = "10101", quantity = 5 } } }, "VALIDATION", "requirements.supplies" },
        { new { experts = new object[] { new { specialty = "astrology", count = 1 } } }, "NOT_FOUND", "requirements.experts" },
        { new { units = Array.Empty<object>() }, "VALIDATION", "requirements" },
    };

    [Theory]
    [MemberData(nameof(BadRequirements))]
    public async Task Bad_requirements_are_refused_and_no_proposal_is_recorded(object requirements, string code, string field)
    {
        var incident = await scene.ReportAsync();

        var payload = await DispatchCalls.ProposeAsync(App, incident, requirements);

        Assert.Equal(code, DispatchCalls.ErrorCode(payload));
        Assert.Equal(field, payload["errors"]![0]!["field"]!.GetValue<string>());
        var read = await App.PostAsync("query($id: ID!) { node(id: $id) { ... on Incident { latestProposal { id } } } }", new { id = incident }, App.Token("commander"));
        Assert.Null(read.Data!["node"]!["latestProposal"]);
    }

    [Fact]
    public async Task An_unknown_incident_is_not_found()
    {
        var payload = await DispatchCalls.ProposeAsync(App, Ids.Unknown("Incident"));

        Assert.Equal("NOT_FOUND", DispatchCalls.ErrorCode(payload));
    }

    [Theory]
    [InlineData("logistics")]
    [InlineData("partner")]
    public async Task Only_commanders_and_admins_propose_and_others_cannot_read_a_proposal_by_id(string role)
    {
        var incident = await scene.ReportAsync();
        var proposal = (await DispatchCalls.ProposeAsync(App, incident))["proposal"]!["id"]!.GetValue<string>();
        var token = App.Token(role, scene.Bureau);

        var propose = await App.PostAsync(DispatchCalls.Propose, new { input = new { incidentId = incident } }, token);
        var read = await App.PostAsync("query($id: ID!) { node(id: $id) { id } }", new { id = proposal }, token);

        Assert.Contains("FORBIDDEN", propose.ErrorCodes);
        Assert.Null(read.Data!["node"]);
    }

    [Fact]
    public async Task A_new_proposal_supersedes_the_previous_one()
    {
        var incident = await scene.ReportAsync();
        var first = (await DispatchCalls.ProposeAsync(App, incident))["proposal"]!["id"]!.GetValue<string>();
        var second = (await DispatchCalls.ProposeAsync(App, incident))["proposal"]!["id"]!.GetValue<string>();

        var read = await App.PostAsync("query($ids: [ID!]!) { nodes(ids: $ids) { ... on DispatchProposal { id status } } }",
            new { ids = new[] { first, second } }, App.Token("commander"));

        var statuses = read.Data!["nodes"]!.AsArray().Select(n => n!["status"]!.GetValue<string>()).ToList();
        Assert.Equal(["SUPERSEDED", "PROPOSED"], statuses);
    }

    [Fact]
    public async Task A_shortfall_says_whether_some_are_busy_or_all_are()
    {
        var capability = "cave-diving-" + Guid.NewGuid().ToString("N")[..8];
        var divers = new List<string>();
        foreach (var name in new[] { "洞潜一组", "洞潜二组" })
        {
            divers.Add(await UnitCalls.RegisterAsync(App, scene.Bureau, name, MineScene.MineLat + 0.01, MineScene.MineLon, "RESCUE_TEAM", [capability]));
        }

        var incident = await scene.ReportAsync("IV");
        var needTwo = new { units = new object[] { new { capability, count = 2 } } };
        await SetOutOfServiceAsync(divers[1]);
        var oneBusy = await DispatchCalls.ProposeAsync(App, incident, needTwo);
        await SetOutOfServiceAsync(divers[0]);
        var allBusy = await DispatchCalls.ProposeAsync(App, incident, needTwo);

        Assert.Equal($"only 1 AVAILABLE with {capability} (of 2) not already proposed", ShortfallReason(oneBusy));
        Assert.Equal($"all 2 with {capability} are busy or out of service", ShortfallReason(allBusy));
        Assert.Empty(allBusy["proposal"]!["units"]!.AsArray());
    }

    private async Task SetOutOfServiceAsync(string unitId) =>
        await App.PostAsync(UnitCalls.ChangeStatus, new { input = new { unitId, status = "OUT_OF_SERVICE", reason = "检修" } }, App.Token("admin"));

    private static string ShortfallReason(System.Text.Json.Nodes.JsonNode payload) =>
        Assert.Single(payload["proposal"]!["shortfalls"]!.AsArray())!["reason"]!.GetValue<string>();
}
