using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Muster.Api.GraphQL.Relay;
using Muster.Infrastructure.Writing;
using Muster.Infrastructure;
using Muster.Supplies.Reserving;
using Muster.Supplies;

namespace Muster.Api.Tests.Support;

public static class StockCalls
{
    public const string LevelFields = "id depot { id name } itemCode onHand reserved available inTransit lots { lot expiresOn quantity }";

    public const string Receive = $$"""
        mutation($input: ReceiveStockInput!) {
          receiveStock(input: $input) { depot { id } stockLevel { {{LevelFields}} } errors { code message field } }
        }
        """;

    public const string Levels = $$"""
        query($itemCode: String, $depotId: ID) { stockLevels(itemCode: $itemCode, depotId: $depotId) { {{LevelFields}} } }
        """;

    public const string Adjust = $$"""
        mutation($input: AdjustStockInput!) {
          adjustStock(input: $input) { depot { id } stockLevel { {{LevelFields}} } errors { code message field } }
        }
        """;

    public const string WriteOff = $$"""
        mutation($input: WriteOffStockInput!) {
          writeOffStock(input: $input) { depot { id } stockLevel { {{LevelFields}} } errors { code message field } }
        }
        """;

    public const string Totals = """
        query($codePrefix: String, $sharedOnly: Boolean) {
          stockTotals(codePrefix: $codePrefix, sharedOnly: $sharedOnly) { itemCode item { name } onHand reserved available inTransit depots }
        }
        """;

    public const string AsOf = """
        query($depotId: ID!, $itemCode: String!, $at: DateTime!) {
          stockAsOf(depotId: $depotId, itemCode: $itemCode, at: $at) { depot { id } itemCode at onHand reserved available lots { lot expiresOn quantity } }
        }
        """;

    public const string Ledger = """
        query($depotId: ID!, $itemCode: String!, $first: Int, $after: String, $last: Int, $before: String) {
          stockLedger(depotId: $depotId, itemCode: $itemCode, first: $first, after: $after, last: $last, before: $before) {
            totalCount pageInfo { hasNextPage hasPreviousPage endCursor }
            edges { node {
              at version kind quantity reservedChange lots { lot expiresOn quantity } onHandAfter reservedAfter availableAfter
              lot reason note source holderId holderKind actor { subject role agencyId }
            } }
          }
        }
        """;

    public const string Expiring = """
        query($withinDays: Int, $depotId: ID, $itemCode: String) {
          expiringLots(withinDays: $withinDays, depotId: $depotId, itemCode: $itemCode) { depot { id } itemCode item { name } lot expiresOn quantity daysLeft }
        }
        """;

    /// <summary>Calls adjustStock (as logistics unless a token is given) and returns its payload.</summary>
    public static async Task<JsonNode> AdjustAsync(MusterApp app, string depotId, string itemCode, string lot, int countedQuantity, string reason = "月度盘点", string? token = null) =>
        await MutateAsync(app, Adjust, "adjustStock", new { depotId, itemCode, lot, countedQuantity, reason }, token);

    /// <summary>Calls writeOffStock (as logistics unless a token is given) and returns its payload.</summary>
    public static async Task<JsonNode> WriteOffAsync(MusterApp app, string depotId, string itemCode, string lot, int quantity, string reason = "DAMAGED", string? note = null, string? token = null) =>
        await MutateAsync(app, WriteOff, "writeOffStock", new { depotId, itemCode, lot, quantity, reason, note }, token);

    /// <summary>The entries of a stock line's ledger (the first 20), oldest first; null when the depot is not visible.</summary>
    public static async Task<JsonArray?> LedgerAsync(MusterApp app, string depotId, string itemCode, string? token = null)
    {
        var response = await app.PostAsync(Ledger, new { depotId, itemCode, first = 20 }, token ?? app.Token("logistics"));
        var ledger = response.Data?["stockLedger"] ?? (response.HasData && response.Json!["errors"] is null ? null : throw new InvalidOperationException(response.Text));
        return ledger?["edges"]!.AsArray().Select(e => e!["node"]!.DeepClone()).Aggregate(new JsonArray(), (all, node) => { all.Add(node); return all; });
    }

    private static async Task<JsonNode> MutateAsync(MusterApp app, string mutation, string field, object input, string? token)
    {
        var response = await app.PostAsync(mutation, new { input }, token ?? app.Token("logistics"));
        return response.Data?[field] ?? throw new InvalidOperationException(response.Text);
    }

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

    /// <summary>
    /// Reserves stock for a made-up supply request straight on the stock write path (the request workflow is not
    /// needed to hold stock back) and fails the test unless it was reserved.
    /// </summary>
    public static async Task ReserveAsync(MusterApp app, string depotId, string itemCode, int quantity)
    {
        using var scope = app.Services.CreateScope();
        var depot = GlobalId.Of("Depot", depotId)!.Value;
        var reserved = await scope.ServiceProvider.GetRequiredService<EventWriter>().RunAsync(
            async (session, _, ct) =>
            {
                var line = await LineForWriting.FetchAsync(session, depot, itemCode, ct);
                var reservation = StockReservations.Reserve(line.Line, Guid.NewGuid(), ReservationHolder.SupplyRequest, quantity);
                if (reservation.Succeeded)
                {
                    line.Stream.AppendOne(reservation.Value!);
                }

                return reservation;
            },
            DomainError.Conflict("busy"),
            CancellationToken.None);
        Assert.True(reserved.Succeeded, string.Join("; ", reserved.Errors));
    }

    private static int _nextItem = Random.Shared.Next(0, 4000);

    /// <summary>Defines a fresh item (a tent of its own code) so a test's stock lines are its own.</summary>
    public static async Task<string> NewItemAsync(MusterApp app, string name = "帐篷")
    {
        var n = Interlocked.Increment(ref _nextItem) % 8100;
        var code = $"1{n / 90 + 10}{n % 90 + 10}01";
        await CatalogCalls.DefineAsync(app, code, name);
        return code;
    }

    public static int Number(JsonNode? node, string field) => node![field]!.GetValue<int>();

    public static string? ErrorCode(JsonNode payload) => payload["errors"]!.AsArray().FirstOrDefault()?["code"]?.GetValue<string>();
}
