using Microsoft.Extensions.DependencyInjection;
using Muster.Api.Tests.Seeding;
using Muster.Api.Tests.Support;
using Muster.Seeding;
using static Muster.Api.Tests.Hazards.HazardCalls;

namespace Muster.Api.Tests.Hazards;

/// <summary>The demo ledger: every site of hazard-sites.geojson with its colour and line, loaded once, one danger overdue minutes later.</summary>
public sealed class HazardSeedTests(HazardCounty county) : IClassFixture<HazardCounty>
{
    private MusterApp App => county.App;

    [Fact]
    public async Task The_demo_ledger_loads_every_site_once_and_one_danger_falls_overdue_after_a_few_minutes()
    {
        var commander = App.Token("commander");
        var loader = App.Services.GetRequiredService<SeedLoader>();
        await loader.LoadAsync(SeedFolder.Path, CancellationToken.None);
        var afterFirst = await App.EventCountAsync();
        await loader.LoadAsync(SeedFolder.Path, CancellationToken.None);

        var sites = await App.PostAsync("query { hazardSites(first: 100) { totalCount items { name kind riskLevel geometry responsible { phone } } } }", null, commander);
        var dangers = await App.PostAsync("query { hiddenDangers(first: 100) { totalCount } inspections(first: 100) { totalCount } }", null, commander);
        var overdueAtOnce = await App.PostAsync(Overdue, null, commander);
        county.Clock.Advance(TimeSpan.FromMinutes(4));
        var overdueLater = await App.PostAsync(Overdue, null, commander);

        Assert.Equal(afterFirst, await App.EventCountAsync());
        var items = sites.Data!["hazardSites"]!["items"]!.AsArray();
        Assert.Equal(16, sites.Data!["hazardSites"]!["totalCount"]!.GetValue<int>());
        var coal = items.Single(s => s!["name"]!.GetValue<string>() == "辛置煤矿")!;
        Assert.Equal(("COAL_MINE", "RED", "0357-0000101"), (coal["kind"]!.GetValue<string>(), coal["riskLevel"]!.GetValue<string>(), coal["responsible"]!["phone"]!.GetValue<string>()));
        Assert.Equal(5, items.Count(s => s!["geometry"]!.GetValue<string>().Contains("LineString", StringComparison.Ordinal)));
        Assert.Equal((4, 4), (dangers.Data!["hiddenDangers"]!["totalCount"]!.GetValue<int>(), dangers.Data!["inspections"]!["totalCount"]!.GetValue<int>()));
        Assert.Empty(overdueAtOnce.Data!["overdueRectifications"]!.AsArray());
        Assert.Equal(["示例焦化有限公司 焦炉煤气与粗苯储罐区"], overdueLater.Data!["overdueRectifications"]!.AsArray().Select(d => d!["site"]!["name"]!.GetValue<string>()));
    }
}
