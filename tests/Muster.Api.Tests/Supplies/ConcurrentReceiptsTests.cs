using Muster.Api.Tests.Support;

namespace Muster.Api.Tests.Supplies;

/// <summary>Many receipts at once into one stock line: ordinary work for a depot on a busy day, never an error.</summary>
public sealed class ConcurrentReceiptsTests(DepotsAndCatalog given) : IClassFixture<DepotsAndCatalog>
{
    private MusterApp App => given.App;

    [Fact]
    public async Task Forty_concurrent_first_receipts_into_a_new_stock_line_are_all_booked()
    {
        var item = await StockCalls.NewItemAsync(App, "折叠床");

        var answers = await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            App.PostAsync(StockCalls.Receive, new { input = new { depotId = given.BureauDepot, itemCode = item, quantity = 1, lot = "L1", source = "PROCURED" } },
                App.Token("logistics"))));

        Assert.All(answers, a => Assert.True(a.ErrorCodes.Count == 0 && StockCalls.ErrorCode(a.Data!["receiveStock"]!) is null, a.Text));
        var level = Assert.Single(await StockCalls.LevelsAsync(App, item, given.BureauDepot))!;
        Assert.Equal(40, level["onHand"]!.GetValue<int>());
    }

    [Fact]
    public async Task Thirty_two_receipts_in_flight_on_existing_lines_are_never_refused_as_conflicts()
    {
        var item = await StockCalls.NewItemAsync(App, "救生衣");
        await StockCalls.StockAsync(App, given.SharedDepot, item, 1, "L0");

        var answers = (await Task.WhenAll(Enumerable.Range(0, 32).Select(async _ =>
        {
            var mine = new List<GraphQLResponse>();
            for (var i = 0; i < 3; i++)
            {
                mine.Add(await App.PostAsync(StockCalls.Receive,
                    new { input = new { depotId = given.SharedDepot, itemCode = item, quantity = 2, lot = "L0", source = "DONATED" } }, App.Token("logistics")));
            }

            return mine;
        }))).SelectMany(a => a).ToList();

        Assert.All(answers, a => Assert.True(a.ErrorCodes.Count == 0 && StockCalls.ErrorCode(a.Data!["receiveStock"]!) is null, a.Text));
        var level = Assert.Single(await StockCalls.LevelsAsync(App, item, given.SharedDepot))!;
        Assert.Equal(1 + 96 * 2, level["onHand"]!.GetValue<int>());
    }
}
