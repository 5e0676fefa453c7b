using Muster.Api.Tests.Support;
using static Muster.Api.Tests.Hazards.HazardCalls;

namespace Muster.Api.Tests.Hazards;

/// <summary>
/// Who keeps and who sees the ledger: admin and commanders all of it, logistics reads it, a township its own
/// jurisdiction's only, any other partner nothing.
/// </summary>
public sealed class HazardScopeTests(HazardCounty county) : IClassFixture<HazardCounty>
{
    private MusterApp App => county.App;

    [Fact]
    public async Task A_township_keeps_its_own_sites_and_sees_nothing_of_another_townships()
    {
        var bailong = county.Township(county.BailongGovernment);
        var xinzhi = county.Township(county.XinzhiGovernment);
        var own = await RegisterAsync(App, Mine("白龙镇 自管煤矿"), bailong);
        var theirs = await RegisterAsync(App, Mine("辛置镇 自管煤矿", lat: 36.489, lon: 111.725), xinzhi);
        var before = await App.EventCountAsync();

        var elsewhere = await App.PostAsync(Register, new { input = Mine("白龙镇 越界登记", lat: 36.489, lon: 111.725) }, bailong);
        var inspectTheirs = await App.PostAsync(Inspect, new { input = new { siteId = theirs, at = county.Clock.GetUtcNow(), inspector = "白龙镇安监站", findings = "越界检查" } }, bailong);
        var afterRefusals = await App.EventCountAsync();
        var ownDanger = await ReportAsync(App, own, county.Clock.GetUtcNow().AddDays(5), bailong);
        var seen = Names(await App.PostAsync(Sites, null, bailong));
        var node = await App.PostAsync("query($id: ID!) { node(id: $id) { id } }", new { id = theirs }, bailong);

        Assert.Contains("FORBIDDEN", elsewhere.ErrorCodes);
        Assert.Contains("FORBIDDEN", inspectTheirs.ErrorCodes);
        Assert.Equal(before, afterRefusals);
        Assert.Contains("白龙镇 自管煤矿", seen);
        Assert.DoesNotContain("辛置镇 自管煤矿", seen);
        Assert.Null(node.Data!["node"]);
        Assert.False(string.IsNullOrEmpty(ownDanger));
    }

    [Fact]
    public async Task Logistics_reads_the_whole_ledger_but_keeps_none_of_it_and_another_partner_sees_none()
    {
        await RegisterAsync(App, Mine("白龙镇 只读测试矿"));
        var before = await App.EventCountAsync();

        var logisticsReads = Names(await App.PostAsync(Sites, null, App.Token("logistics")));
        var logisticsWrites = await App.PostAsync(Register, new { input = Mine("物资部门登记") }, App.Token("logistics"));
        var redCrossReads = Names(await App.PostAsync(Sites, null, App.Token("partner", county.RedCross)));
        var redCrossWrites = await App.PostAsync(Register, new { input = Mine("红十字会登记") }, App.Token("partner", county.RedCross));

        Assert.Contains("白龙镇 只读测试矿", logisticsReads);
        Assert.Contains("FORBIDDEN", logisticsWrites.ErrorCodes);
        Assert.Empty(redCrossReads);
        Assert.Contains("FORBIDDEN", redCrossWrites.ErrorCodes);
        Assert.Equal(before, await App.EventCountAsync());
    }
}
