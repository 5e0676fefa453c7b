using Muster.Api.Tests.Hazards;
using Muster.Api.Tests.Support;

namespace Muster.Api.Tests.Readiness;

/// <summary>
/// Huozhou with two townships (白龙镇 of 32,000 people, 辛置镇 of unknown population), a village of 白龙镇, a red
/// coal mine in each township and a blue site, and two mine rescue teams: one 2 km from the 白龙 mine, one 2 km from
/// the 辛置 mine, about 6 km apart. Tests that change unit states put them back.
/// </summary>
public sealed class ReadinessCounty : AppFixture
{
    public const double BailongMineLat = 36.521, BailongMineLon = 111.683;
    public const double XinzhiMineLat = 36.470, XinzhiMineLon = 111.725;

    public string Bureau { get; private set; } = "";
    public string MineRescueAgency { get; private set; } = "";
    public string Bailong { get; private set; } = "";
    public string Xinzhi { get; private set; } = "";
    public string BailongMine { get; private set; } = "";
    public string XinzhiMine { get; private set; } = "";
    public string BlueSite { get; private set; } = "";
    public string BailongTeam { get; private set; } = "";
    public string XinzhiTeam { get; private set; } = "";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Bureau = await AgencyCalls.RegisterAsync(App, "霍州市应急管理局", "BUREAU");
        MineRescueAgency = await AgencyCalls.RegisterAsync(App, "霍州煤电矿山救护大队", "MINE_RESCUE");
        var county = await JurisdictionCalls.RegisterAsync(App, new { name = "霍州市", level = "COUNTY", boundary = JurisdictionCalls.CountyBoundary });
        Bailong = await JurisdictionCalls.RegisterAsync(App, new
        {
            name = "白龙镇", level = "TOWNSHIP", parentId = county, seat = new { lat = 36.529, lon = 111.706 }, population = 32_000,
        });
        Xinzhi = await JurisdictionCalls.RegisterAsync(App, new { name = "辛置镇", level = "TOWNSHIP", parentId = county, seat = new { lat = 36.478, lon = 111.716 } });
        await JurisdictionCalls.RegisterAsync(App, new { name = "白龙村", level = "VILLAGE", parentId = Bailong, seat = new { lat = 36.532, lon = 111.70 }, population = 1_500 });
        BailongMine = await HazardCalls.RegisterAsync(App, HazardCalls.Mine("白龙煤矿", BailongMineLat, BailongMineLon, "RED"));
        XinzhiMine = await HazardCalls.RegisterAsync(App, HazardCalls.Mine("辛置煤矿", XinzhiMineLat, XinzhiMineLon, "RED"));
        BlueSite = await HazardCalls.RegisterAsync(App, new
        {
            name = "白龙化工厂", kind = "CHEMICAL", riskLevel = "BLUE", location = new { lat = 36.525, lon = 111.71 },
        });
        // About 0.009° of latitude to a kilometre.
        BailongTeam = await UnitCalls.RegisterAsync(App, MineRescueAgency, "矿山救护一中队", BailongMineLat + 0.018, BailongMineLon, "MINE_RESCUE_TEAM", ["mine-rescue"]);
        XinzhiTeam = await UnitCalls.RegisterAsync(App, MineRescueAgency, "矿山救护二中队", XinzhiMineLat - 0.018, XinzhiMineLon, "MINE_RESCUE_TEAM", ["mine-rescue"]);
    }
}

[CollectionDefinition(Collection)]
public sealed class ReadinessCountyCollection : ICollectionFixture<ReadinessCounty>
{
    public const string Collection = "readiness county";
}
