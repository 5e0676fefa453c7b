using System.Text.Json.Nodes;
using Muster.Api.Tests.Support;

namespace Muster.Api.Tests.Dispatch;

/// <summary>
/// Where a proposal's supplies come from: the nearest depots that hold the quantity, and the next three as
/// alternatives; with a depot left out, the same from the others (the read then cannot stop at the quantity, since
/// the one left out may hold any part of it).
/// </summary>
public sealed class ProposedSupplyDepotsTests(MineScene scene) : IClassFixture<MineScene>
{
    private const string Pumps = "1010103";

    private const string Propose = """
        mutation($input: ProposeDispatchInput!) {
          proposeDispatch(input: $input) { proposal { supplies { depot { id } quantity alternatives { depot { id } available } } } errors { code message } }
        }
        """;

    private MusterApp App => scene.App;

    [Fact]
    public async Task The_nearest_depots_cover_the_quantity_and_the_next_three_are_alternatives_also_with_one_left_out()
    {
        var depots = await SixDepotsAsync();
        var incident = await scene.ReportAsync("IV");

        var supplies = await ProposeAsync(incident, []);

        // 15 from the 1 and 2 km depots; 3, 4 and 5 km offered instead, the 6 km one not.
        Assert.Equal([(depots[0], 10), (depots[1], 5)], supplies.Select(s => (Id(s!["depot"]), s["quantity"]!.GetValue<int>())));
        Assert.All(supplies, s => Assert.Equal(depots.Skip(2).Take(3), s!["alternatives"]!.AsArray().Select(a => Id(a!["depot"]))));

        var without = await ProposeAsync(incident, [depots[0]]);

        Assert.Equal([(depots[1], 10), (depots[2], 5)], without.Select(s => (Id(s!["depot"]), s["quantity"]!.GetValue<int>())));
        Assert.All(without, s => Assert.Equal(depots.Skip(3).Take(3), s!["alternatives"]!.AsArray().Select(a => Id(a!["depot"]))));
    }

    private async Task<JsonArray> ProposeAsync(string incidentId, string[] excluding)
    {
        var response = await App.PostAsync(Propose,
            new { input = new { incidentId, requirements = new { supplies = new object[] { new { itemCode = Pumps, quantity = 15 } } }, excluding } },
            App.Token("commander"));
        var payload = response.Data?["proposeDispatch"] ?? throw new InvalidOperationException(response.Text);
        Assert.Empty(payload["errors"]!.AsArray());
        return payload["proposal"]!["supplies"]!.AsArray();
    }

    /// <summary>10 pumps in each of six shared depots 1 to 6 km north of the mine (about 0.009° of latitude a kilometre).</summary>
    private async Task<IReadOnlyList<string>> SixDepotsAsync()
    {
        await CatalogCalls.DefineAsync(App, Pumps, "排水泵", "台");
        var depots = new List<string>();
        for (var km = 1; km <= 6; km++)
        {
            var depot = await DepotCalls.RegisterAsync(App, scene.Bureau, $"排水泵库 {km} km", MineScene.MineLat + (km * 0.009), MineScene.MineLon, shared: true);
            await StockCalls.StockAsync(App, depot, Pumps, 10, $"P-{km}");
            depots.Add(depot);
        }

        return depots;
    }

    private static string Id(JsonNode? node) => node!["id"]!.GetValue<string>();
}
