using Muster.Api.Tests.Supplies;
using Muster.Api.Tests.Support;

namespace Muster.Api.Tests.Transfers;

/// <summary>Transfers racing for the same units: the stock line's version decides, and the loser is told why.</summary>
public sealed class TransferRaceTests(DepotsAndCatalog given) : IClassFixture<DepotsAndCatalog>
{
    private MusterApp App => given.App;

    [Fact]
    public async Task Transfers_racing_for_the_last_units_of_a_stock_line_reserve_them_once()
    {
        var source = await Scene.DepotAsync(App, given.Bureau);
        var destinations = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Scene.DepotAsync(App, given.Bureau)));
        await StockCalls.StockAsync(App, source, Scene.Water, 10, "W-LAST", "2027-06-30");
        await TransferCalls.StartedAsync(App, source, destinations[0], Scene.Water, 4);

        // Six racers, each asking for all 6 units left, towards two destinations.
        var racers = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => TransferCalls.StartAsync(App, source, destinations[i % 2], Scene.Water, 6)));

        var winners = racers.Where(p => TransferCalls.ErrorCode(p) is null).ToList();
        var losers = racers.Select(TransferCalls.ErrorCode).OfType<string>().ToList();
        Assert.Single(winners);
        Assert.Equal(5, losers.Count);
        Assert.All(losers, code => Assert.Contains(code, new[] { "INSUFFICIENT_STOCK", "CONFLICT" }));
        Assert.Equal((10, 10, 0, 0), await Scene.CountsAsync(App, source));
        Assert.Equal(2, (await TransferCalls.ListAsync(App, depotId: source))["totalCount"]!.GetValue<int>());
    }
}
