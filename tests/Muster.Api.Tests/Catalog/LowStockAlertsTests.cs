using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Muster.Api.Tests.Supplies;
using Muster.Api.Tests.Support;
using Muster.Catalog.CheckingLowStock;

namespace Muster.Api.Tests.Catalog;

/// <summary>The low-stock check, run from DI as the scheduler would, twice each time: only changes of state are recorded.</summary>
public sealed class LowStockAlertsTests(DepotsAndCatalog given) : IClassFixture<DepotsAndCatalog>
{
    private const string LowItems = "{ lowStockItems(first: 100) { edges { node { code minimumStock lowStock { since available minimum } } } } }";

    private MusterApp App => given.App;

    [Fact]
    public async Task An_item_below_its_minimum_over_all_depots_is_alerted_once_and_cleared_once_when_it_recovers()
    {
        var item = await CatalogCalls.DefineAsync(App, "1030101", "雨衣", "件");
        await StockCalls.StockAsync(App, given.BureauDepot, "1030101", 30, "Y-1", "2030-01-01");
        await StockCalls.StockAsync(App, given.RedCrossDepot, "1030101", 20, "Y-2", "2030-01-01");
        await TransferCalls.StartedAsync(App, given.BureauDepot, given.SharedDepot, "1030101", 15);
        await SetMinimumAsync("1030101", 60);

        await RunCheckTwiceAsync();
        var low = await LowItemAsync("1030101");
        await StockCalls.StockAsync(App, given.SharedDepot, "1030101", 30, "Y-3", "2030-01-01");
        await RunCheckTwiceAsync();
        var recovered = await LowItemAsync("1030101");

        Assert.Equal((35, 60), (low!["lowStock"]!["available"]!.GetValue<int>(), low["lowStock"]!["minimum"]!.GetValue<int>()));
        Assert.Null(recovered);
        var trail = await TrailAsync(item);
        Assert.Equal(["low_stock_alerted", "low_stock_cleared"], trail.Where(e => e.Type.StartsWith("low_stock", StringComparison.Ordinal)).Select(e => e.Type));
        Assert.All(trail.Where(e => e.Type.StartsWith("low_stock", StringComparison.Ordinal)), e => Assert.Equal("job:low-stock", e.Actor));
    }

    [Fact]
    public async Task An_item_no_depot_holds_is_low_and_removing_its_minimum_ends_the_alert()
    {
        await CatalogCalls.DefineAsync(App, "1030102", "雨靴", "双");
        await SetMinimumAsync("1030102", 10);

        await RunCheckTwiceAsync();
        var low = await LowItemAsync("1030102");
        await SetMinimumAsync("1030102", 0);
        var item = await App.PostAsync("{ item(code: \"1030102\") { minimumStock lowStock { available } } }", token: App.Token("logistics"));

        Assert.Equal(0, low!["lowStock"]!["available"]!.GetValue<int>());
        Assert.Null(await LowItemAsync("1030102"));
        Assert.Null(item.Data!["item"]!["lowStock"]);
        Assert.Null(item.Data!["item"]!["minimumStock"]);
    }

    [Fact]
    public async Task Partners_do_not_see_low_stock_which_counts_every_agencys_depots()
    {
        var list = await App.PostAsync(LowItems, token: given.RedCrossPartner);
        var field = await App.PostAsync("{ item(code: \"1010101\") { code lowStock { available } } }", token: given.RedCrossPartner);

        Assert.All(list.ErrorCodes, code => Assert.Equal("FORBIDDEN", code));
        Assert.NotEmpty(list.ErrorCodes);
        Assert.Equal(["FORBIDDEN"], field.ErrorCodes);
        Assert.False(field.HasData);
    }

    private async Task RunCheckTwiceAsync()
    {
        for (var run = 0; run < 2; run++)
        {
            using var scope = App.Services.CreateScope();
            var job = ActivatorUtilities.CreateInstance<CheckLowStock>(scope.ServiceProvider);
            await job.Execute(null!, CancellationToken.None);
        }
    }

    private async Task SetMinimumAsync(string itemCode, int minimum)
    {
        var response = await App.PostAsync(SetMinimumStockTests.Set, new { input = new { itemCode, minimum } }, App.Token("logistics"));
        Assert.Empty(response.Data!["setMinimumStock"]!["errors"]!.AsArray());
    }

    private async Task<JsonNode?> LowItemAsync(string code)
    {
        var response = await App.PostAsync(LowItems, token: App.Token("logistics"));
        return response.Data!["lowStockItems"]!["edges"]!.AsArray().Select(e => e!["node"]!).FirstOrDefault(n => n["code"]!.GetValue<string>() == code);
    }

    private async Task<List<(string Type, string? Actor)>> TrailAsync(string id)
    {
        var response = await App.PostAsync("query($of: ID!) { auditTrail(of: $of, first: 100) { edges { node { eventType actor { subject } } } } }", new { of = id }, App.Token("admin"));
        return response.Data!["auditTrail"]!["edges"]!.AsArray()
            .Select(e => (e!["node"]!["eventType"]!.GetValue<string>(), e["node"]!["actor"]?["subject"]?.GetValue<string>())).ToList();
    }
}
