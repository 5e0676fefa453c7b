using Muster.Api.Tests.Support;

namespace Muster.Api.Tests.Dispatch;

/// <summary>
/// A gas explosion at a coal mine north-east of Huozhou, with mine rescue teams at 2, 8 and 15 km, a fire engine
/// that also does rescue, an ambulance, a ventilation expert, tents in a shared and a private depot, and the plan
/// for a level II mine gas explosion.
/// </summary>
public class MineScene : AppFixture
{
    public const double MineLat = 36.6200;
    public const double MineLon = 111.7800;
    public const string Tent = "1010101";

    public string Bureau { get; private set; } = "";
    public string NearMineRescue { get; private set; } = "";
    public string MidMineRescue { get; private set; } = "";
    public string FarMineRescue { get; private set; } = "";
    public string FireEngine { get; private set; } = "";
    public string Ambulance { get; private set; } = "";
    public string VentilationExpert { get; private set; } = "";
    public string SharedDepot { get; private set; } = "";
    public string PrivateDepot { get; private set; } = "";
    public string PlanId { get; private set; } = "";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Bureau = await AgencyCalls.RegisterAsync(App, "霍州市应急管理局", "BUREAU");
        var mines = await AgencyCalls.RegisterAsync(App, "霍州煤电矿山救护大队", "MINE_RESCUE");
        // About 0.009° of latitude to a kilometre.
        NearMineRescue = await UnitCalls.RegisterAsync(App, mines, "矿山救护一中队", MineLat + 0.018, MineLon, "MINE_RESCUE_TEAM", ["mine-rescue"]);
        MidMineRescue = await UnitCalls.RegisterAsync(App, mines, "矿山救护二中队", MineLat - 0.072, MineLon, "MINE_RESCUE_TEAM", ["mine-rescue"]);
        FarMineRescue = await UnitCalls.RegisterAsync(App, mines, "矿山救护三中队", MineLat + 0.135, MineLon, "MINE_RESCUE_TEAM", ["mine-rescue"]);
        FireEngine = await UnitCalls.RegisterAsync(App, Bureau, "开元消防站 1 号车", MineLat - 0.027, MineLon, "FIRE_ENGINE", ["fire", "rescue"]);
        Ambulance = await UnitCalls.RegisterAsync(App, Bureau, "市人民医院救护车", MineLat - 0.036, MineLon, "AMBULANCE", ["medical"]);
        VentilationExpert = await ExpertCalls.RegisterAsync(App, mines, "通风专家组", MineLat - 0.05, MineLon, ["mine-ventilation"]);
        SharedDepot = await DepotCalls.RegisterAsync(App, Bureau, "市应急物资共用库", MineLat - 0.045, MineLon, shared: true);
        PrivateDepot = await DepotCalls.RegisterAsync(App, mines, "矿区自有仓库", MineLat + 0.009, MineLon);
        await CatalogCalls.DefineAsync(App, Tent, "单帐篷");
        await StockCalls.StockAsync(App, SharedDepot, Tent, 50, "T-1", "2031-12-31");
        await StockCalls.StockAsync(App, PrivateDepot, Tent, 100, "T-2", "2031-12-31");
        PlanId = await DispatchCalls.DefinePlanAsync(App, new
        {
            incidentKind = "MINE_GAS_EXPLOSION",
            level = "II",
            name = "煤矿瓦斯爆炸 II 级响应",
            units = new object[] { new { capability = "mine-rescue", count = 2 }, new { capability = "medical", count = 1 } },
            supplies = new object[] { new { itemCode = Tent, quantity = 80 } },
            experts = new object[] { new { specialty = "mine-ventilation", count = 1 } },
            drillIntervalDays = 180,
        });
    }

    public Task<string> ReportAsync(string level = "II") => DispatchCalls.ReportAsync(App, "MINE_GAS_EXPLOSION", level, MineLat, MineLon);
}
