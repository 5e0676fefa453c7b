using System.Text.Json.Nodes;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Muster.Api.GraphQL.Relay;
using Muster.Api.Tests.Support;
using Muster.Supplies;

namespace Muster.Api.Tests.Requests;

/// <summary>
/// Many allocators at once through GraphQL: the same stock is never allocated twice, the levels agree with the
/// stock lines' events, and an allocation over two stock lines commits both or neither.
/// </summary>
public sealed class AllocationRaceTests(RequestingAgenciesUnderLoad given, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<RequestingAgenciesUnderLoad>
{
    private const string Allocate = """
        mutation($input: AllocateSupplyRequestInput!) {
          allocateSupplyRequest(input: $input) {
            request { id status allocations { depot { id } itemCode quantity } shortfalls { itemCode quantity } } errors { code message field }
          }
        }
        """;

    private MusterApp App => given.App;

    [Fact]
    public async Task Two_hundred_single_unit_requests_allocated_at_once_take_exactly_the_hundred_on_the_shelf()
    {
        var cot = await RequestCalls.NewItemAsync(App, "折叠床");
        await StockCalls.StockAsync(App, given.SharedDepot, cot, 100, "COT-1");
        var requests = await CreateAsync(200, [RequestCalls.Line(cot, 1)]);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var answers = await Task.WhenAll(requests.Select(id => RequestCalls.ChangeAsync(App, Allocate, new { requestId = id })));
        output.WriteLine($"200 allocations in {clock.Elapsed}");

        var allocated = answers.Where(a => a["errors"]!.AsArray().Count == 0 && RequestCalls.Status(a["request"]!) == "ALLOCATED").ToList();
        var shortfall = answers.Count(a => a["errors"]!.AsArray().Count == 0 && RequestCalls.Shortfalls(a["request"]!).SequenceEqual([(cot, 1)]));
        var conflict = answers.Count(a => a["errors"]!.AsArray().Any(e => e!["code"]!.GetValue<string>() == "CONFLICT"));
        Assert.Equal(100, allocated.Count);
        Assert.Equal(100, shortfall + conflict);
        Assert.All(allocated, a => Assert.Equal([(given.SharedDepot, cot, 1)], RequestCalls.Allocations(a["request"]!)));
        Assert.Equal((100, 100, 0), await RequestCalls.LevelAsync(App, given.SharedDepot, cot));
        var ledger = await LedgerAsync(given.SharedDepot, cot);
        Assert.Equal(100, ledger.OfType<StockReceived>().Sum(e => e.Quantity));
        Assert.Equal(100, ledger.OfType<StockReserved>().Sum(e => e.Quantity));
        var holders = ledger.OfType<StockReserved>().Select(e => GlobalId.Encode("SupplyRequest", e.HolderId)).ToHashSet();
        Assert.Equal(allocated.Select(a => RequestCalls.Id(a["request"]!)).ToHashSet(), holders);
    }

    [Fact]
    public async Task Requests_for_two_items_in_two_depots_racing_get_both_lines_or_neither()
    {
        var pump = await RequestCalls.NewItemAsync(App, "排水泵");
        var hose = await RequestCalls.NewItemAsync(App, "水带");
        await StockCalls.StockAsync(App, given.SharedDepot, pump, 15, "PUMP-1");
        await StockCalls.StockAsync(App, given.RedCrossDepot, hose, 15, "HOSE-1");
        var requests = await CreateAsync(40, [RequestCalls.Line(pump, 1), RequestCalls.Line(hose, 1)], given.RedCrossPartner);

        var answers = await Task.WhenAll(requests.Select(id => RequestCalls.ChangeAsync(App, Allocate, new { requestId = id })));

        var statuses = answers.Where(a => a["errors"]!.AsArray().Count == 0).Select(a => RequestCalls.Status(a["request"]!)).ToList();
        Assert.Equal(15, statuses.Count(s => s == "ALLOCATED"));
        Assert.DoesNotContain("PARTIALLY_ALLOCATED", statuses);
        Assert.Equal((15, 15, 0), await RequestCalls.LevelAsync(App, given.SharedDepot, pump));
        Assert.Equal((15, 15, 0), await RequestCalls.LevelAsync(App, given.RedCrossDepot, hose));
        var pumpHolders = (await LedgerAsync(given.SharedDepot, pump)).OfType<StockReserved>().Select(e => e.HolderId).Order().ToList();
        var hoseHolders = (await LedgerAsync(given.RedCrossDepot, hose)).OfType<StockReserved>().Select(e => e.HolderId).Order().ToList();
        Assert.Equal(pumpHolders, hoseHolders);
    }

    private async Task<IReadOnlyList<string>> CreateAsync(int count, object[] lines, string? token = null)
    {
        using var gate = new SemaphoreSlim(16);
        var created = await Task.WhenAll(Enumerable.Range(0, count).Select(async _ =>
        {
            await gate.WaitAsync();
            try
            {
                return RequestCalls.Id(await RequestCalls.RequestedAsync(App, token ?? App.Token("commander"), lines, 36.5750, 111.7350));
            }
            finally
            {
                gate.Release();
            }
        }));
        return created;
    }

    private async Task<IReadOnlyList<object>> LedgerAsync(string depot, string itemCode)
    {
        await using var session = App.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var events = await session.Events.FetchStreamAsync(StockLineId.Of(GlobalId.Of("Depot", depot)!.Value, itemCode));
        return events.Select(e => e.Data).ToList();
    }
}
