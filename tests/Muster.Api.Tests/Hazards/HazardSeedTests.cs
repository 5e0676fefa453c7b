using System.Globalization;
using Muster.Api.Tests.Seeding;
using Muster.Api.Tests.Support;

namespace Muster.Api.Tests.Hazards;

/// <summary>
/// The demo ledger in the seeded city: every site of hazard-sites.geojson with its colour and line, the inspections and
/// dangers of hazard-ledger.json, one of them due minutes after the load so that a fresh start shows the overdue path.
/// Loading twice records nothing: <see cref="SeedLoadingTests"/> counts every event, the ledger's included.
/// </summary>
[Collection(SeededCity.Collection)]
public sealed class HazardSeedTests(SeededCity city)
{
    private MusterApp App => city.App;

    [Fact]
    public async Task The_demo_ledger_has_every_site_with_its_colour_and_line_and_one_danger_due_minutes_after_the_load()
    {
        var commander = App.Token("commander");
        var sites = await App.PostAsync("query { hazardSites(first: 100) { totalCount items { name kind riskLevel geometry responsible { phone } } } }", null, commander);
        var dangers = await App.PostAsync(
            "query { hiddenDangers(first: 100) { totalCount items { description reportedAt deadline site { name } } } inspections(first: 100) { totalCount } }", null, commander);

        var items = sites.Data!["hazardSites"]!["items"]!.AsArray();
        Assert.Equal(16, sites.Data!["hazardSites"]!["totalCount"]!.GetValue<int>());
        var coal = items.Single(s => s!["name"]!.GetValue<string>() == "辛置煤矿")!;
        Assert.Equal(("COAL_MINE", "RED", "0357-0000101"), (coal["kind"]!.GetValue<string>(), coal["riskLevel"]!.GetValue<string>(), coal["responsible"]!["phone"]!.GetValue<string>()));
        Assert.Equal(5, items.Count(s => s!["geometry"]!.GetValue<string>().Contains("LineString", StringComparison.Ordinal)));
        Assert.Equal((4, 4), (dangers.Data!["hiddenDangers"]!["totalCount"]!.GetValue<int>(), dangers.Data!["inspections"]!["totalCount"]!.GetValue<int>()));
        var soonest = dangers.Data!["hiddenDangers"]!["items"]!.AsArray()
            .Select(d => (Site: d!["site"]!["name"]!.GetValue<string>(), Due: Time(d["deadline"]!) - Time(d["reportedAt"]!)))
            .MinBy(d => d.Due);
        Assert.Equal("示例焦化有限公司 焦炉煤气与粗苯储罐区", soonest.Site);
        Assert.InRange(soonest.Due, TimeSpan.FromMinutes(2.5), TimeSpan.FromMinutes(3)); // the deadline is set just before the report is written
    }

    private static DateTimeOffset Time(System.Text.Json.Nodes.JsonNode node) =>
        DateTimeOffset.Parse(node.GetValue<string>(), CultureInfo.InvariantCulture);
}
