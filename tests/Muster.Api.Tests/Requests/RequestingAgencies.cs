using Muster.Api.Tests.Support;

namespace Muster.Api.Tests.Requests;

/// <summary>
/// The bureau and the Red Cross, each with a private depot, and the bureau's depot in the shared pool; items are
/// defined by each test (<see cref="RequestCalls.NewItemAsync"/>) so tests of a class never draw on each other's stock.
/// The delivery point <see cref="Scene"/> is nearest the Red Cross depot, then the bureau's, then the shared one.
/// </summary>
public class RequestingAgencies : AppFixture
{
    public static readonly (double Lat, double Lon) Scene = (36.5610, 111.7110);

    public string Bureau { get; private set; } = "";
    public string RedCross { get; private set; } = "";
    public string MineRescue { get; private set; } = "";
    public string BureauDepot { get; private set; } = "";
    public string RedCrossDepot { get; private set; } = "";
    public string SharedDepot { get; private set; } = "";

    public string RedCrossPartner => App.Token("partner", RedCross);
    public string MineRescuePartner => App.Token("partner", MineRescue);
    public string Logistics => App.Token("logistics");

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Bureau = await AgencyCalls.RegisterAsync(App, "霍州市应急管理局", "BUREAU");
        RedCross = await AgencyCalls.RegisterAsync(App, "霍州市红十字会", "RED_CROSS");
        MineRescue = await AgencyCalls.RegisterAsync(App, "霍州煤电矿山救护队", "MINE_RESCUE");
        RedCrossDepot = await DepotCalls.RegisterAsync(App, RedCross, "红十字会备灾仓库", 36.5600, 111.7100);
        BureauDepot = await DepotCalls.RegisterAsync(App, Bureau, "开元街储备库", 36.5690, 111.7230);
        SharedDepot = await DepotCalls.RegisterAsync(App, Bureau, "市应急物资共用库", 36.5800, 111.7400, shared: true);
    }

    /// <summary>A request from the Red Cross for the scene, recorded; returns its id.</summary>
    public async Task<string> RedCrossRequestsAsync(params object[] lines) =>
        RequestCalls.Id(await RequestCalls.RequestedAsync(App, RedCrossPartner, lines, Scene.Lat, Scene.Lon));
}

/// <summary>The same, with room for a crowd: operations may run for minutes while hundreds queue for one stock line on a busy machine.</summary>
public sealed class RequestingAgenciesUnderLoad : RequestingAgencies
{
    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?> { ["GraphQL:Timeout"] = "00:03:00" };
}
