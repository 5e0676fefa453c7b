using Muster.Api.Tests.Support;

namespace Muster.Api.Tests.Readiness;

/// <summary>A dispatch proposal states what it costs the rest of the county's mine rescue coverage.</summary>
[Collection(ReadinessCountyCollection.Collection)]
public sealed class CostOfDispatchTests(ReadinessCounty county)
{
    private const string Propose = """
        mutation($input: ProposeDispatchInput!) {
          proposeDispatch(input: $input) {
            proposal {
              units { unit { id name } capability }
              coverageCost {
                capability withinSeconds demandPoints coveredShareBefore coveredShareAfter coveredWeightShareBefore coveredWeightShareAfter
                newlyUncovered { id name kind weight location { lat lon } etaSecondsBefore etaSecondsAfter }
              }
            }
            errors { code message field }
          }
        }
        """;

    [Fact]
    public async Task Sending_the_bailong_team_to_its_mine_shows_the_commander_which_places_lose_mine_rescue_cover()
    {
        var app = county.App;
        var incident = await DispatchCalls.ReportAsync(app, "MINE_GAS_EXPLOSION", "II", ReadinessCounty.BailongMineLat, ReadinessCounty.BailongMineLon);

        var response = await app.PostAsync(Propose, new
        {
            input = new { incidentId = incident, requirements = new { units = new[] { new { capability = "mine-rescue", count = 1 } } } },
        }, app.Token("commander"));

        var proposal = response.Data?["proposeDispatch"]?["proposal"] ?? throw new InvalidOperationException(response.Text);
        Assert.Equal(county.BailongTeam, proposal["units"]![0]!["unit"]!["id"]!.GetValue<string>());
        var cost = Assert.Single(proposal["coverageCost"]!.AsArray())!;
        Assert.Equal(("mine-rescue", 900, 6), (cost["capability"]!.GetValue<string>(), cost["withinSeconds"]!.GetValue<int>(), cost["demandPoints"]!.GetValue<int>()));
        Assert.Equal(1.0, cost["coveredWeightShareBefore"]!.GetValue<double>());
        Assert.Equal(5 / 14.2, cost["coveredWeightShareAfter"]!.GetValue<double>(), 6); // the 辛置 mine (4) and seat (1) stay covered
        Assert.Equal(2.0 / 6, cost["coveredShareAfter"]!.GetValue<double>(), 6);
        var lost = cost["newlyUncovered"]!.AsArray();
        Assert.Equal(["白龙煤矿", "白龙镇", "白龙化工厂", "白龙村"], lost.Select(p => p!["name"]!.GetValue<string>())); // heaviest first
        Assert.Equal("HAZARD_SITE", lost[0]!["kind"]!.GetValue<string>());
        Assert.InRange(lost[0]!["etaSecondsBefore"]!.GetValue<int>(), 255, 270);
        Assert.Null(lost[0]!["etaSecondsAfter"]);

        // The proposal read back later states the same cost.
        var read = await app.PostAsync("query($id: ID!) { node(id: $id) { ... on Incident { latestProposal { coverageCost { coveredWeightShareAfter newlyUncovered { name } } } } } }",
            new { id = incident }, app.Token("commander"));
        Assert.True(read.ErrorCodes.Count == 0, read.Text);
        Assert.Equal(4, read.Data!["node"]!["latestProposal"]!["coverageCost"]![0]!["newlyUncovered"]!.AsArray().Count);
    }
}
