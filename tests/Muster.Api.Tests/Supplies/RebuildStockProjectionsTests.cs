using Marten;
using Microsoft.Extensions.DependencyInjection;
using Muster.Api.Tests.Support;
using Muster.Supplies;
using Muster.Supplies.Levels;
using static Muster.Api.Tests.Support.StockCalls;

namespace Muster.Api.Tests.Supplies;

public sealed class RebuildStockProjectionsTests(DepotsAndCatalog given) : IClassFixture<DepotsAndCatalog>
{
    private MusterApp App => given.App;

    [Fact]
    public async Task Rebuilding_the_stock_lines_and_levels_from_the_events_gives_identical_stock_levels()
    {
        var tents = await NewItemAsync(App);
        await StockAsync(App, given.BureauDepot, tents, 100, "T-1", "2030-01-01");
        await StockAsync(App, given.BureauDepot, tents, 50, "T-2", "2029-01-01");
        await ReserveAsync(App, given.BureauDepot, tents, 30);
        await AdjustAsync(App, given.BureauDepot, tents, "T-1", 95);
        await WriteOffAsync(App, given.BureauDepot, tents, "T-2", 10);
        await StockAsync(App, given.SharedDepot, DepotsAndCatalog.Water, 70, "W-1", "2028-01-01");
        await StockAsync(App, given.RedCrossDepot, tents, 3, "RC");
        var before = await EverythingAsync();
        var store = App.Services.GetRequiredService<IDocumentStore>();
        await using (var delete = App.Services.GetRequiredService<Npgsql.NpgsqlDataSource>().CreateCommand($"delete from {StockLevelsTable.Name}"))
        {
            await delete.ExecuteNonQueryAsync();
        }

        var emptied = await EverythingAsync();
        using (var daemon = await store.BuildProjectionDaemonAsync())
        {
            await daemon.RebuildProjectionAsync<StockLevelsProjection>(CancellationToken.None);
            await daemon.RebuildProjectionAsync<StockLineProjection>(CancellationToken.None);
        }

        var after = await EverythingAsync();

        Assert.Equal("[]", emptied);
        Assert.Contains("\"onHand\":135", before, StringComparison.Ordinal);
        Assert.Equal(before, after);
    }

    /// <summary>Every stock level with its lots, of each depot, as logistics sees them.</summary>
    private async Task<string> EverythingAsync()
    {
        var all = new System.Text.Json.Nodes.JsonArray();
        foreach (var depot in new[] { given.BureauDepot, given.SharedDepot, given.RedCrossDepot })
        {
            foreach (var level in await LevelsAsync(App, null, depot))
            {
                all.Add(level!.DeepClone());
            }
        }

        return all.ToJsonString();
    }
}
