using Muster.Api.GraphQL.Relay;
using Muster.Api.Tests.Support;

namespace Muster.Api.Tests.Experts;

/// <summary>Registering experts and changing their availability, as the bureau and partner agencies do; and who sees what.</summary>
public sealed class ExpertLifecycleTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private MusterApp App => fixture.App;

    [Fact]
    public async Task A_partner_registers_its_own_expert_team_and_changes_its_availability()
    {
        var agency = await AgencyCalls.RegisterAsync(App, "霍州煤电集团通风专家组", "ENTERPRISE");
        var partner = App.Token("partner", agency);

        var registered = await App.PostAsync(ExpertCalls.Register,
            ExpertCalls.Input(agency, " 矿井通风专家组 ", 36.60, 111.75, [" Mine-Ventilation ", "gas-drainage"], "TEAM", "20:00-08:00"), partner);
        var expert = registered.Data!["registerExpert"]!["expert"]!;
        var engaged = await ExpertCalls.ChangeAsync(App, expert["id"]!.GetValue<string>(), "ENGAGED", partner);
        var offDuty = await ExpertCalls.ChangeAsync(App, expert["id"]!.GetValue<string>(), "OFF_DUTY", partner);

        Assert.Empty(registered.Data!["registerExpert"]!["errors"]!.AsArray());
        Assert.Equal(("矿井通风专家组", "TEAM", "20:00-08:00", "AVAILABLE"),
            (expert["name"]!.GetValue<string>(), expert["kind"]!.GetValue<string>(), expert["onCall"]!.GetValue<string>(), expert["availability"]!.GetValue<string>()));
        Assert.Equal(["mine-ventilation", "gas-drainage"], expert["specialties"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Equal(agency, expert["agency"]!["id"]!.GetValue<string>());
        Assert.Equal("ENGAGED", engaged["expert"]!["availability"]!.GetValue<string>());
        Assert.Equal("OFF_DUTY", offDuty["expert"]!["availability"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_partner_cannot_register_or_change_another_agencys_expert_and_nothing_changes()
    {
        var own = await AgencyCalls.RegisterAsync(App, "退沙街道办事处", "TOWNSHIP");
        var other = await AgencyCalls.RegisterAsync(App, "霍州市人民医院", "MEDICAL");
        var otherExpert = await ExpertCalls.RegisterAsync(App, other, "急诊医学 李医生", 36.56, 111.71, ["medicine"]);
        var partner = App.Token("partner", own);

        var register = await App.PostAsync(ExpertCalls.Register, ExpertCalls.Input(other, "冒名专家", 36.5, 111.7), partner);
        var change = await App.PostAsync(ExpertCalls.ChangeAvailability, new { input = new { expertId = otherExpert, availability = "OFF_DUTY" } }, partner);
        var after = await App.PostAsync(ExpertCalls.Node, new { id = otherExpert }, App.Token("commander"));
        var count = await App.PostAsync("query($a: ID) { experts(agencyId: $a) { totalCount } bogus: experts(agencyId: \"not-an-id\") { totalCount } }",
            new { a = other }, App.Token("admin"));

        Assert.Equal(["FORBIDDEN"], register.ErrorCodes);
        Assert.Equal(["FORBIDDEN"], change.ErrorCodes);
        Assert.Equal("AVAILABLE", after.Data!["node"]!["availability"]!.GetValue<string>());
        Assert.Equal(1, count.Data!["experts"]!["totalCount"]!.GetValue<int>());
        Assert.Equal(0, count.Data!["bogus"]!["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task Logistics_staff_may_not_register_or_change_experts()
    {
        var agency = await AgencyCalls.RegisterAsync(App, "霍州市自然资源局", "OTHER");
        var expert = await ExpertCalls.RegisterAsync(App, agency, "地质灾害 张工", 36.58, 111.70);

        var register = await App.PostAsync(ExpertCalls.Register, ExpertCalls.Input(agency, "x", 36.5, 111.7), App.Token("logistics"));
        var change = await App.PostAsync(ExpertCalls.ChangeAvailability, new { input = new { expertId = expert, availability = "ENGAGED" } }, App.Token("logistics"));

        Assert.Equal(["FORBIDDEN"], register.ErrorCodes);
        Assert.Equal(["FORBIDDEN"], change.ErrorCodes);
    }

    [Fact]
    public async Task A_partner_sees_only_its_own_agencys_experts_everywhere()
    {
        var own = await AgencyCalls.RegisterAsync(App, "霍州市红十字会", "RED_CROSS");
        var other = await AgencyCalls.RegisterAsync(App, "山西焦煤霍州煤电", "ENTERPRISE");
        var mine = await ExpertCalls.RegisterAsync(App, own, "红会 救护培训师", 36.57, 111.72, ["first-aid"]);
        var theirs = await ExpertCalls.RegisterAsync(App, other, "煤电 水文专家", 36.571, 111.721, ["first-aid", "hydrology"]);

        var response = await App.PostAsync("""
            query($mine: ID!, $theirs: ID!, $a: ID) {
              nodes(ids: [$mine, $theirs]) { id }
              nearestExperts(near: {lat: 36.57, lon: 111.72}, specialty: "first-aid", first: 50) { expert { id } }
              experts(agencyId: $a) { totalCount }
              all: experts { edges { node { id } } }
              expertSpecialties { tag count }
              expertsGeoJson
            }
            """, new { mine, theirs, a = other }, App.Token("partner", own));

        var data = response.Data!;
        Assert.Equal([mine, null], data["nodes"]!.AsArray().Select(n => n?["id"]!.GetValue<string>()));
        Assert.Equal([mine], data["nearestExperts"]!.AsArray().Select(e => e!["expert"]!["id"]!.GetValue<string>()));
        Assert.Equal(0, data["experts"]!["totalCount"]!.GetValue<int>());
        Assert.Equal([mine], data["all"]!["edges"]!.AsArray().Select(e => e!["node"]!["id"]!.GetValue<string>()));
        Assert.Equal(["first-aid:1"], data["expertSpecialties"]!.AsArray().Select(t => $"{t!["tag"]}:{t["count"]}"));
        Assert.Contains(mine, data["expertsGeoJson"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain(theirs, data["expertsGeoJson"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Asking_for_the_availability_an_expert_already_has_is_INVALID_STATE_and_changes_nothing()
    {
        var agency = await AgencyCalls.RegisterAsync(App, "霍州市应急管理局危化科", "BUREAU");
        var expert = await ExpertCalls.RegisterAsync(App, agency, "危化品 王工", 36.57, 111.72, ["hazmat"]);
        await ExpertCalls.ChangeAsync(App, expert, "ENGAGED");

        var again = await ExpertCalls.ChangeAsync(App, expert, "ENGAGED");
        var history = await App.PostAsync("query($id: ID!) { node(id: $id) { ... on Expert { availability } } }", new { id = expert }, App.Token("admin"));

        Assert.Equal("INVALID_STATE", ExpertCalls.ErrorCode(again));
        Assert.Null(again["expert"]);
        Assert.Equal("ENGAGED", history.Data!["node"]!["availability"]!.GetValue<string>());
    }

    [Fact]
    public async Task Unknown_experts_unknown_agencies_and_bad_input_are_refused_and_nothing_changes()
    {
        var agency = await AgencyCalls.RegisterAsync(App, "师庄乡人民政府", "TOWNSHIP");
        var admin = App.Token("admin");
        async Task<string?> PayloadError(object input) =>
            ExpertCalls.ErrorCode((await App.PostAsync(ExpertCalls.Register, input, admin)).Data!["registerExpert"]!);

        var unknownAgency = await PayloadError(ExpertCalls.Input(GlobalId.Encode(GlobalId.Agency, Guid.NewGuid()), "x", 36.5, 111.7));
        var badTag = await PayloadError(ExpertCalls.Input(agency, "x", 36.5, 111.7, ["hazardous chemicals!"]));
        var noSpecialty = await PayloadError(ExpertCalls.Input(agency, "x", 36.5, 111.7, []));
        var badHours = await PayloadError(ExpertCalls.Input(agency, "x", 36.5, 111.7, onCall: "daytime"));
        var badLatitude = await App.PostAsync(ExpertCalls.Register, ExpertCalls.Input(agency, "x", 123, 111.7), admin);
        var badLongitude = await App.PostAsync(ExpertCalls.Register, ExpertCalls.Input(agency, "x", 36.5, 200), admin);
        var notANumber = await ExpertCalls.RegisterWithNaNLatitudeAsync(App, agency);
        var huge = await App.PostAsync(ExpertCalls.Register, ExpertCalls.Input(agency, "x", double.MaxValue, 111.7), admin);
        var unknownExpert = await ExpertCalls.ChangeAsync(App, GlobalId.Encode("Expert", Guid.NewGuid()), "ENGAGED");
        var notAnExpert = await ExpertCalls.ChangeAsync(App, agency, "ENGAGED");
        var emptyId = await ExpertCalls.ChangeAsync(App, GlobalId.Encode("Expert", Guid.Empty), "ENGAGED");
        var experts = await App.PostAsync("{ experts { totalCount } expertSpecialties { tag } }", token: admin);

        Assert.Equal(("NOT_FOUND", "VALIDATION", "VALIDATION", "VALIDATION"), (unknownAgency, badTag, noSpecialty, badHours));
        Assert.Equal(["VALIDATION"], badLatitude.ErrorCodes);
        Assert.Equal(["VALIDATION"], badLongitude.ErrorCodes);
        Assert.Equal(400, notANumber.Status);
        Assert.Equal(["BAD_REQUEST"], notANumber.ErrorCodes);
        Assert.Equal(["VALIDATION"], huge.ErrorCodes);
        Assert.Equal(("NOT_FOUND", "NOT_FOUND", "NOT_FOUND"), (ExpertCalls.ErrorCode(unknownExpert), ExpertCalls.ErrorCode(notAnExpert), ExpertCalls.ErrorCode(emptyId)));
        Assert.Equal(0, experts.Data!["experts"]!["totalCount"]!.GetValue<int>());
        Assert.Empty(experts.Data!["expertSpecialties"]!.AsArray());
    }
}
