using System.Globalization;
using System.Text.Json.Nodes;

namespace Muster.Api.Tests.Support;

/// <summary>Supply requests through GraphQL, as partners, commanders and logistics staff call them.</summary>
public static class RequestCalls
{
    public const string Fields = """
        id status priority lines { itemCode item { name } quantity } deliverTo { lat lon } incidentId neededBy agency { id }
        allocations { depot { id name } itemCode quantity distanceMeters } shortfalls { itemCode quantity } allocatedAt
        shipment { vehicle driver expectedArrival dispatchedAt items { depot { id } itemCode quantity lots { lot expiresOn quantity } } }
        received { itemCode quantity } discrepancies { itemCode shipped received } requestedAt note decisionReason
        """;

    public const string Request = $$"""mutation($input: RequestSuppliesInput!) { requestSupplies(input: $input) { request { {{Fields}} } errors { code message field } } }""";
    public const string Approve = $$"""mutation($input: ApproveSupplyRequestInput!) { approveSupplyRequest(input: $input) { request { {{Fields}} } errors { code message field } } }""";
    public const string Reject = $$"""mutation($input: RejectSupplyRequestInput!) { rejectSupplyRequest(input: $input) { request { {{Fields}} } errors { code message field } } }""";
    public const string Allocate = $$"""mutation($input: AllocateSupplyRequestInput!) { allocateSupplyRequest(input: $input) { request { {{Fields}} } errors { code message field } } }""";
    public const string Dispatch = $$"""mutation($input: DispatchShipmentInput!) { dispatchShipment(input: $input) { request { {{Fields}} } errors { code message field } } }""";
    public const string Confirm = $$"""mutation($input: ConfirmDeliveryInput!) { confirmDelivery(input: $input) { request { {{Fields}} } errors { code message field } } }""";
    public const string Cancel = $$"""mutation($input: CancelSupplyRequestInput!) { cancelSupplyRequest(input: $input) { request { {{Fields}} } errors { code message field } } }""";

    public const string Node = $$"""query($id: ID!) { node(id: $id) { ... on SupplyRequest { {{Fields}} } } }""";

    public const string List = """
        query($status: SupplyRequestStatus, $agencyId: ID, $first: Int, $after: String) {
          supplyRequests(status: $status, agencyId: $agencyId, first: $first, after: $after) {
            totalCount pageInfo { hasNextPage endCursor } edges { node { id status agency { id } } }
          }
        }
        """;

    private static int _items;

    /// <summary>Defines a fresh item (a code no other test of the class uses) and returns its code.</summary>
    public static async Task<string> NewItemAsync(MusterApp app, string name = "物资")
    {
        var n = Interlocked.Increment(ref _items);
        var code = "201" + (1 + (n / 99)).ToString("00", CultureInfo.InvariantCulture) + (1 + (n % 99)).ToString("00", CultureInfo.InvariantCulture);
        await CatalogCalls.DefineAsync(app, code, name + " " + code, "件");
        return code;
    }

    public static object Line(string itemCode, int quantity) => new { itemCode, quantity };

    /// <summary>Calls requestSupplies and returns its payload.</summary>
    public static async Task<JsonNode> RequestAsync(MusterApp app, string token, object[] lines, double lat = 36.57, double lon = 111.72,
        string? agencyId = null, string? incidentId = null, string priority = "NORMAL", string? neededBy = null, string? note = null)
    {
        var response = await app.PostAsync(Request,
            new { input = new { lines, deliverTo = new { lat, lon }, agencyId, incidentId, priority, neededBy, note } }, token);
        return response.Data?["requestSupplies"] ?? throw new InvalidOperationException(response.Text);
    }

    /// <summary>Requests supplies and fails the test unless the request was recorded; returns the request.</summary>
    public static async Task<JsonNode> RequestedAsync(MusterApp app, string token, object[] lines, double lat = 36.57, double lon = 111.72, string? agencyId = null)
    {
        var payload = await RequestAsync(app, token, lines, lat, lon, agencyId);
        Assert.True(payload["errors"]!.AsArray().Count == 0, payload.ToJsonString());
        return payload["request"]!;
    }

    /// <summary>Calls a mutation on a request and returns the whole response (top-level errors included).</summary>
    public static Task<GraphQLResponse> CallAsync(MusterApp app, string mutation, object input, string token) =>
        app.PostAsync(mutation, new { input }, token);

    /// <summary>Calls a mutation on a request and returns its payload.</summary>
    public static async Task<JsonNode> ChangeAsync(MusterApp app, string mutation, object input, string? token = null)
    {
        var response = await CallAsync(app, mutation, input, token ?? app.Token("logistics"));
        return response.Data?.AsObject().Single().Value ?? throw new InvalidOperationException(response.Text);
    }

    /// <summary>Calls a mutation and fails the test unless it succeeded; returns the request.</summary>
    public static async Task<JsonNode> ChangedAsync(MusterApp app, string mutation, object input, string? token = null)
    {
        var payload = await ChangeAsync(app, mutation, input, token);
        Assert.True(payload["errors"]!.AsArray().Count == 0, payload.ToJsonString());
        return payload["request"]!;
    }

    public static Task<JsonNode> AllocatedAsync(MusterApp app, string requestId) => ChangedAsync(app, Allocate, new { requestId });

    public static Task<JsonNode> DispatchedAsync(MusterApp app, string requestId) =>
        ChangedAsync(app, Dispatch, new { requestId, vehicle = "晋L·A1234", driver = "王师傅", expectedArrival = DateTimeOffset.UtcNow.AddHours(2).ToString("O") });

    /// <summary>The request as the caller sees it through node (logistics unless a token is given); null when not visible.</summary>
    public static async Task<JsonNode?> NodeAsync(MusterApp app, string id, string? token = null)
    {
        var response = await app.PostAsync(Node, new { id }, token ?? app.Token("logistics"));
        return response.Data is { } data ? data["node"] : throw new InvalidOperationException(response.Text);
    }

    public static string Status(JsonNode request) => request["status"]!.GetValue<string>();

    public static string Id(JsonNode request) => request["id"]!.GetValue<string>();

    public static (string Code, string? Field) Error(JsonNode payload)
    {
        var error = payload["errors"]!.AsArray().First()!;
        return (error["code"]!.GetValue<string>(), error["field"]?.GetValue<string>());
    }

    /// <summary>(depot id, item code, quantity) of each allocation, in the order given.</summary>
    public static IReadOnlyList<(string Depot, string Item, int Quantity)> Allocations(JsonNode request) =>
        request["allocations"]!.AsArray()
            .Select(a => (a!["depot"]!["id"]!.GetValue<string>(), a["itemCode"]!.GetValue<string>(), a["quantity"]!.GetValue<int>()))
            .ToList();

    public static IReadOnlyList<(string Item, int Quantity)> Shortfalls(JsonNode request) =>
        request["shortfalls"]!.AsArray().Select(s => (s!["itemCode"]!.GetValue<string>(), s["quantity"]!.GetValue<int>())).ToList();

    /// <summary>(onHand, reserved, available) of one stock line as logistics sees it.</summary>
    public static async Task<(int OnHand, int Reserved, int Available)> LevelAsync(MusterApp app, string depotId, string itemCode)
    {
        var level = Assert.Single(await StockCalls.LevelsAsync(app, itemCode, depotId))!;
        return (level["onHand"]!.GetValue<int>(), level["reserved"]!.GetValue<int>(), level["available"]!.GetValue<int>());
    }
}
