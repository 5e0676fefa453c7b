using Microsoft.Extensions.DependencyInjection;
using Muster.Api.Tests.Support;
using Muster.Seeding;
using Npgsql;

namespace Muster.Api.Tests.Seeding;

public sealed class SeedLoadingTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private MusterApp App => fixture.App;

    [Fact]
    public async Task The_seed_catalog_and_plans_load_through_the_commands_and_loading_twice_changes_nothing()
    {
        var loader = App.Services.GetRequiredService<SeedLoader>();
        var folder = SeedFolder();

        var first = await loader.LoadAsync(folder, CancellationToken.None);
        var events = await EventCountAsync();
        var second = await loader.LoadAsync(folder, CancellationToken.None);

        Assert.Equal((16, 0, 13, 0), (first.ItemsDefined, first.ItemsPresent, first.PlansDefined, first.PlansPresent));
        Assert.Equal((0, 16, 0, 13), (second.ItemsDefined, second.ItemsPresent, second.PlansDefined, second.PlansPresent));
        Assert.Equal(events, await EventCountAsync());
        var plan = await App.PostAsync("{ plans(incidentKind: MINE_GAS_EXPLOSION, level: II) { name version units { capability count } supplies { itemCode item { name } quantity } } }",
            null, App.Token("commander"));
        var mine = Assert.Single(plan.Data!["plans"]!.AsArray())!;
        Assert.Equal(("煤矿瓦斯爆炸 II 级响应", 1), (mine["name"]!.GetValue<string>(), mine["version"]!.GetValue<int>()));
        Assert.All(mine["supplies"]!.AsArray(), s => Assert.NotNull(s!["item"]));
        var trail = await App.PostAsync("{ auditTrail(first: 1) { edges { node { actor { subject } } } } }", null, App.Token("admin"));
        Assert.Equal("system", trail.Data!["auditTrail"]!["edges"]![0]!["node"]!["actor"]!["subject"]!.GetValue<string>());
    }

    private async Task<long> EventCountAsync()
    {
        await using var connection = new NpgsqlConnection(App.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select count(*) from muster.mt_events", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The repository's seed-data folder, found upwards from the test binaries.</summary>
    private static string SeedFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "seed-data");
            if (File.Exists(Path.Combine(candidate, SeedFiles.Plans)))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("seed-data not found above " + AppContext.BaseDirectory);
    }
}
