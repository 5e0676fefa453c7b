using Microsoft.Extensions.DependencyInjection;
using Muster.Api.Tests.Support;
using Muster.Seeding;
using Xunit.Abstractions;

namespace Muster.Api.Tests.Seeding;

[Collection(SeededCity.Collection)]
public sealed class SeedLoadingTests(SeededCity city, ITestOutputHelper output)
{
    private MusterApp App => city.App;

    [Fact]
    public async Task The_seed_registers_the_city_through_the_commands_and_GraphQL_counts_what_the_files_list()
    {
        var first = city.FirstLoad;
        output.WriteLine($"first load: {first}");
        Assert.Equal(new SeedCount(16, 0), first.Items);
        Assert.Equal(new SeedCount(13, 0), first.Plans);
        Assert.Equal(new SeedCount(22, 0), first.Agencies);
        Assert.Equal(new SeedCount(12, 0), first.Depots);
        Assert.Equal(new SeedCount(54, 0), first.Stock);
        Assert.Equal(new SeedCount(63, 0), first.Units);
        Assert.Equal(new SeedCount(15, 0), first.Experts);

        var counts = await App.PostAsync(
            "{ agencies { totalCount } depots { totalCount } units { totalCount } experts { totalCount } }", null, App.Token("admin"));
        Assert.Equal((22, 12, 63, 15), (Total(counts, "agencies"), Total(counts, "depots"), Total(counts, "units"), Total(counts, "experts")));

        // Every item's stock across the depots adds up to the lots the files list.
        var lots = SeedFolder.Array(SeedFiles.Depots).SelectMany(d => d!["stock"]!.AsArray())
            .GroupBy(l => l!["itemCode"]!.GetValue<string>(), l => l!["quantity"]!.GetValue<int>());
        foreach (var item in lots)
        {
            var levels = await App.PostAsync("query($code: String!) { stockLevels(itemCode: $code) { onHand reserved available } }",
                new { code = item.Key }, App.Token("admin"));
            var rows = levels.Data!["stockLevels"]!.AsArray();
            Assert.Equal((item.Sum(), item.Sum()), (rows.Sum(r => r!["onHand"]!.GetValue<int>()), rows.Sum(r => r!["available"]!.GetValue<int>())));
        }

        var trail = await App.PostAsync("{ auditTrail(first: 1) { edges { node { actor { subject } } } } }", null, App.Token("admin"));
        Assert.Equal("system", trail.Data!["auditTrail"]!["edges"]![0]!["node"]!["actor"]!["subject"]!.GetValue<string>());
    }

    [Fact]
    public async Task Loading_the_seed_again_finds_everything_there_and_records_no_event()
    {
        var events = await App.EventCountAsync();
        var again = await App.Services.GetRequiredService<SeedLoader>().LoadAsync(SeedFolder.Path, CancellationToken.None);
        output.WriteLine($"second load: {again}");

        Assert.Equal(0, again.Loaded);
        Assert.Equal(
            new[] { 16, 13, 22, 12, 54, 63, 15 },
            new[] { again.Items, again.Plans, again.Agencies, again.Depots, again.Stock, again.Units, again.Experts }.Select(c => c.Present));
        Assert.Equal(events, await App.EventCountAsync());
    }

    [Fact]
    public async Task The_plan_for_a_mine_gas_explosion_reads_back_with_its_items()
    {
        var plan = await App.PostAsync("{ plans(incidentKind: MINE_GAS_EXPLOSION, level: II) { name version units { capability count } supplies { itemCode item { name } quantity } } }",
            null, App.Token("commander"));
        var mine = Assert.Single(plan.Data!["plans"]!.AsArray())!;
        Assert.Equal(("煤矿瓦斯爆炸 II 级响应", 1), (mine["name"]!.GetValue<string>(), mine["version"]!.GetValue<int>()));
        Assert.All(mine["supplies"]!.AsArray(), s => Assert.NotNull(s!["item"]));
    }

    private static int Total(GraphQLResponse response, string field) =>
        response.Data?[field]?["totalCount"]?.GetValue<int>() ?? throw new InvalidOperationException(response.Text);
}
