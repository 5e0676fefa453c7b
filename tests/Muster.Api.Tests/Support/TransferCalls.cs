using System.Text.Json.Nodes;

namespace Muster.Api.Tests.Support;

public static class TransferCalls
{
    public const string Fields =
        "id status from { id name } to { id name } itemCode item { code } quantity lots { lot expiresOn quantity } vehicle driver requestedAt shippedAt receivedAt cancelledAt cancelReason note";

    public const string Start = $$"""
        mutation($input: TransferStockInput!) { transferStock(input: $input) { transfer { {{Fields}} } errors { code message field } } }
        """;

    public const string Ship = $$"""
        mutation($input: ShipTransferInput!) { shipTransfer(input: $input) { transfer { {{Fields}} } errors { code message field } } }
        """;

    public const string Receive = $$"""
        mutation($input: ReceiveTransferInput!) { receiveTransfer(input: $input) { transfer { {{Fields}} } errors { code message field } } }
        """;

    public const string Cancel = $$"""
        mutation($input: CancelTransferInput!) { cancelTransfer(input: $input) { transfer { {{Fields}} } errors { code message field } } }
        """;

    public const string List = $$"""
        query($status: TransferStatus, $depotId: ID, $first: Int, $after: String) {
          transfers(status: $status, depotId: $depotId, first: $first, after: $after) {
            totalCount pageInfo { hasNextPage endCursor } edges { node { {{Fields}} } }
          }
        }
        """;

    /// <summary>Calls transferStock (as logistics unless a token is given) and returns its payload.</summary>
    public static Task<JsonNode> StartAsync(MusterApp app, string fromDepotId, string toDepotId, string itemCode, int quantity, string? note = null, string? token = null) =>
        CallAsync(app, Start, new { fromDepotId, toDepotId, itemCode, quantity, note }, token);

    public static Task<JsonNode> ShipAsync(MusterApp app, string transferId, string vehicle = "晋L·A1234", string driver = "王师傅", string? token = null) =>
        CallAsync(app, Ship, new { transferId, vehicle, driver }, token);

    public static Task<JsonNode> ReceiveAsync(MusterApp app, string transferId, string? token = null) =>
        CallAsync(app, Receive, new { transferId }, token);

    public static Task<JsonNode> CancelAsync(MusterApp app, string transferId, string reason = "道路中断", string? token = null) =>
        CallAsync(app, Cancel, new { transferId, reason }, token);

    /// <summary>Starts a transfer as logistics and fails the test unless it was reserved; returns the transfer.</summary>
    public static async Task<JsonNode> StartedAsync(MusterApp app, string fromDepotId, string toDepotId, string itemCode, int quantity, string? note = null) =>
        Succeeded(await StartAsync(app, fromDepotId, toDepotId, itemCode, quantity, note));

    /// <summary>The transfer of a payload, failing the test if the payload carries errors.</summary>
    public static JsonNode Succeeded(JsonNode payload)
    {
        Assert.True(payload["errors"]!.AsArray().Count == 0, payload.ToJsonString());
        return payload["transfer"]!;
    }

    /// <summary>The transfers a caller sees (logistics unless a token is given), newest first.</summary>
    public static async Task<JsonNode> ListAsync(MusterApp app, string? status = null, string? depotId = null, string? token = null, int? first = null)
    {
        var response = await app.PostAsync(List, new { status, depotId, first }, token ?? app.Token("logistics"));
        return response.Data?["transfers"] ?? throw new InvalidOperationException(response.Text);
    }

    public static IReadOnlyList<string> Ids(JsonNode connection) =>
        connection["edges"]!.AsArray().Select(e => e!["node"]!["id"]!.GetValue<string>()).ToList();

    public static string Id(JsonNode transfer) => transfer["id"]!.GetValue<string>();

    public static string? ErrorCode(JsonNode payload) => payload["errors"]!.AsArray().FirstOrDefault()?["code"]?.GetValue<string>();

    public static string? ErrorField(JsonNode payload) => payload["errors"]!.AsArray().FirstOrDefault()?["field"]?.GetValue<string>();

    private static async Task<JsonNode> CallAsync(MusterApp app, string mutation, object input, string? token)
    {
        var response = await app.PostAsync(mutation, new { input }, token ?? app.Token("logistics"));
        return response.Data?.AsObject().Single().Value ?? throw new InvalidOperationException(response.Text);
    }
}
