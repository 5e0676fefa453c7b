using Muster.Api.Tests.Support;

namespace Muster.Api.Tests.Durability;

/// <summary>
/// Two mutations in one request: a committed change is never answered as nothing. A refusal found before anything
/// runs refuses the whole document; one found while running nulls only its own field.
/// </summary>
public sealed class SeveralMutationsInOneRequestTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private const string RegisterThenChange = """
        mutation($register: RegisterUnitInput!, $change: ChangeUnitStatusInput!) {
          first: registerUnit(input: $register) { unit { id name } errors { code } }
          second: changeUnitStatus(input: $change) { unit { id status } errors { code } }
        }
        """;

    private const string RegisterThenRegisterAgency = """
        mutation($register: RegisterUnitInput!) {
          first: registerUnit(input: $register) { unit { id } errors { code } }
          second: registerAgency(input: { name: "冒名机构", kind: OTHER }) { agency { id } errors { code } }
        }
        """;

    private MusterApp App => fixture.App;

    [Fact]
    public async Task A_second_mutation_refused_while_running_leaves_the_first_ones_answer()
    {
        var own = await AgencyCalls.RegisterAsync(App, "白龙镇应急站", "TOWNSHIP");
        var other = await AgencyCalls.RegisterAsync(App, "霍州市消防救援大队 二站", "FIRE_RESCUE");
        var otherUnit = await UnitCalls.RegisterAsync(App, other, "二站 水罐车", 36.57, 111.72);

        var response = await App.PostAsync(RegisterThenChange, new
        {
            register = UnitInput(own, "白龙镇 巡查车"),
            change = new { unitId = otherUnit, status = "OUT_OF_SERVICE" },
        }, App.Token("partner", own));

        Assert.Equal(["FORBIDDEN"], response.ErrorCodes);
        Assert.Equal("白龙镇 巡查车", response.Data!["first"]!["unit"]!["name"]!.GetValue<string>());
        Assert.Null(response.Data!["second"]);
        Assert.Equal(1, await UnitCountAsync(own));
        Assert.Equal("AVAILABLE", await StatusAsync(otherUnit));
    }

    [Fact]
    public async Task A_mutation_refused_before_anything_runs_refuses_the_whole_request_and_changes_nothing()
    {
        var own = await AgencyCalls.RegisterAsync(App, "陶唐峪乡应急站", "TOWNSHIP");

        var response = await App.PostAsync(RegisterThenRegisterAgency, new
        {
            register = UnitInput(own, "陶唐峪 巡查车"),
        }, App.Token("partner", own));

        Assert.Equal(["FORBIDDEN"], response.ErrorCodes);
        Assert.Null(response.Data);
        Assert.Equal(0, await UnitCountAsync(own));
    }

    private static object UnitInput(string agencyId, string name) =>
        new { name, kind = "FIRE_ENGINE", type = "II", capabilities = new[] { "patrol" }, crewSize = 4, location = new { lat = 36.55, lon = 111.70 }, agencyId };

    private async Task<int> UnitCountAsync(string agency)
    {
        var response = await App.PostAsync("query($a: ID) { units(agencyId: $a) { totalCount } }", new { a = agency }, App.Token("admin"));
        return response.Data!["units"]!["totalCount"]!.GetValue<int>();
    }

    private async Task<string> StatusAsync(string unit)
    {
        var response = await App.PostAsync("query($id: ID!) { node(id: $id) { ... on RescueUnit { status } } }", new { id = unit }, App.Token("admin"));
        return response.Data!["node"]!["status"]!.GetValue<string>();
    }
}
