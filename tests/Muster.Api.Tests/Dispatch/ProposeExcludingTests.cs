using Muster.Api.Tests.Support;

namespace Muster.Api.Tests.Dispatch;

/// <summary>The commander leaves out a proposed unit, expert or depot and asks again: the next one is proposed instead.</summary>
public sealed class ProposeExcludingTests(ApprovalCity city) : IClassFixture<ApprovalCity>
{
    private MusterApp App => city.App;

    [Fact]
    public async Task Proposing_again_without_a_unit_left_out_proposes_the_next_nearest_instead()
    {
        var (capability, units) = await city.UnitsAsync(3);
        var (incident, first) = await city.ProposeAsync(new { units = new object[] { new { capability, count = 1 } } });

        var again = await ProposeAsync(incident, capability, [units[0]]);

        Assert.Equal(units[0], first["units"]![0]!["unit"]!["id"]!.GetValue<string>());
        Assert.Empty(again["errors"]!.AsArray());
        var proposed = again["proposal"]!["units"]!.AsArray();
        Assert.Equal([units[1]], proposed.Select(u => u!["unit"]!["id"]!.GetValue<string>()));
        Assert.DoesNotContain(units[0], proposed[0]!["alternatives"]!.AsArray().Select(a => a!["unit"]!["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_malformed_exclusion_is_refused_and_proposes_nothing()
    {
        var (capability, _) = await city.UnitsAsync(1);
        var (incident, _) = await city.ProposeAsync(new { units = new object[] { new { capability, count = 1 } } });

        var refused = await ProposeAsync(incident, capability, ["not-an-id"]);

        Assert.Equal("VALIDATION", DispatchCalls.ErrorCode(refused));
        Assert.Equal("excluding", refused["errors"]![0]!["field"]!.GetValue<string>());
        Assert.Null(refused["proposal"]);
    }

    private async Task<System.Text.Json.Nodes.JsonNode> ProposeAsync(string incidentId, string capability, string[] excluding)
    {
        var response = await App.PostAsync(DispatchCalls.Propose,
            new { input = new { incidentId, requirements = new { units = new object[] { new { capability, count = 1 } } }, excluding } }, App.Token("commander"));
        return response.Data?["proposeDispatch"] ?? throw new InvalidOperationException(response.Text);
    }
}
