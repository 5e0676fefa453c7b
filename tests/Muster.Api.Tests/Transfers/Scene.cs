using System.Text.Json.Nodes;
using Muster.Api.Tests.Supplies;
using Muster.Api.Tests.Support;

namespace Muster.Api.Tests.Transfers;

/// <summary>Fresh depots and stock for one test, so tests sharing a fixture never count each other's stock.</summary>
internal static class Scene
{
    public const string Water = DepotsAndCatalog.Water;

    public static Task<string> DepotAsync(MusterApp app, string agency, bool shared = false) =>
        DepotCalls.RegisterAsync(app, agency, "储备库 " + Guid.NewGuid().ToString("N")[..8], 36.57, 111.72, shared);

    /// <summary>Two new bureau depots, the source holding 30 boxes of water: 20 of W-SOON (2027-03-31), 10 of W-LATE (2027-10-31).</summary>
    public static async Task<(string From, string To)> StockedPairAsync(DepotsAndCatalog given, bool sharedDestination = false)
    {
        var from = await DepotAsync(given.App, given.Bureau);
        var to = await DepotAsync(given.App, given.Bureau, sharedDestination);
        await StockCalls.StockAsync(given.App, from, Water, 10, "W-LATE", "2027-10-31");
        await StockCalls.StockAsync(given.App, from, Water, 20, "W-SOON", "2027-03-31");
        return (from, to);
    }

    /// <summary>One stock line as logistics sees it, or null when the depot has no row for the item.</summary>
    public static async Task<JsonNode?> LevelAsync(MusterApp app, string depotId, string itemCode = Water, string? token = null) =>
        (await StockCalls.LevelsAsync(app, itemCode, depotId, token)).SingleOrDefault();

    /// <summary>(onHand, reserved, available, inTransit) of a stock line; zeros when it has no row.</summary>
    public static async Task<(int OnHand, int Reserved, int Available, int InTransit)> CountsAsync(MusterApp app, string depotId, string itemCode = Water)
    {
        var level = await LevelAsync(app, depotId, itemCode);
        return level is null
            ? (0, 0, 0, 0)
            : (level["onHand"]!.GetValue<int>(), level["reserved"]!.GetValue<int>(), level["available"]!.GetValue<int>(), level["inTransit"]!.GetValue<int>());
    }
}
