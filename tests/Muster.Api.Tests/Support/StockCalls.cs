using System.Text.Json.Nodes;

namespace Muster.Api.Tests.Support;

public static class StockCalls
{
    public const string LevelFields = "depot { id name } itemCode onHand reserved available inTransit lots { lot expiresOn quantity }";

    public const string Receive = $$"""
        mutation($input: ReceiveStockInput!) {
          receiveStock(input: $input) { depot { id } stockLevel { {{LevelFields}} } errors { code message field } }
        }
        """;

    public const string Levels = $$"""
        query($itemCode: String, $depotId: ID) { stockLevels(itemCode: $itemCode, depotId: $depotId) { {{LevelFields}} } }
        """;

    /// <summary>Calls receiveStock (as logistics unless a token is given) and returns its payload.</summary>
    public static async Task<JsonNode> ReceiveAsync(
        MusterApp app, string depotId, string itemCode, int quantity, string? lot = null, string? expiresOn = null,
        string source = "PROCURED", string? token = null)
    {
        var response = await app.PostAsync(Receive, new { input = new { depotId, itemCode, quantity, lot, expiresOn, source } },
            token ?? app.Token("logistics"));
        return response.Data?["receiveStock"] ?? throw new InvalidOperationException(response.Text);
    }

    /// <summary>Receives stock and fails the test unless it was booked.</summary>
    public static async Task<JsonNode> StockAsync(MusterApp app, string depotId, string itemCode, int quantity, string? lot = null, string? expiresOn = null)
    {
        var payload = await ReceiveAsync(app, depotId, itemCode, quantity, lot, expiresOn);
        Assert.True(payload["errors"]!.AsArray().Count == 0, payload.ToJsonString());
        return payload["stockLevel"]!;
    }

    /// <summary>The stock levels a caller sees (logistics unless a token is given).</summary>
    public static async Task<JsonArray> LevelsAsync(MusterApp app, string? itemCode, string? depotId, string? token = null)
    {
        var response = await app.PostAsync(Levels, new { itemCode, depotId }, token ?? app.Token("logistics"));
        return response.Data?["stockLevels"]?.AsArray() ?? throw new InvalidOperationException(response.Text);
    }

    public static string? ErrorCode(JsonNode payload) => payload["errors"]!.AsArray().FirstOrDefault()?["code"]?.GetValue<string>();
}
