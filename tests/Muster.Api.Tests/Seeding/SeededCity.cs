using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Muster.Api.Tests.Support;
using Muster.Seeding;

namespace Muster.Api.Tests.Seeding;

/// <summary>
/// The service as ./run.sh starts it — Development, <c>Seed:Path</c> set to the repository's seed-data — over a
/// fresh database, once the start-up load has ended; shared by the seeding test classes (one load, not one each).
/// </summary>
public sealed class SeededCity : AppFixture
{
    public const string Collection = "seeded city";

    public SeedReport FirstLoad { get; private set; } = null!;

    protected override string Environment => "Development";

    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?>
    {
        ["Seed:Path"] = SeedFolder.Path,
        ["Logging:LogLevel:Muster.Seeding"] = "Information",
    };

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        FirstLoad = await App.Services.GetRequiredService<SeedLoader>().FirstLoad.WaitAsync(TimeSpan.FromMinutes(5))
            ?? throw new InvalidOperationException("the seed failed to load at start-up (see the log)");
    }
}

[CollectionDefinition(SeededCity.Collection)]
public sealed class SeededCityCollection : ICollectionFixture<SeededCity>;

/// <summary>The repository's seed-data folder, found upwards from the test binaries, and its files as JSON.</summary>
public static class SeedFolder
{
    public static string Path { get; } = Find();

    public static JsonArray Array(string file) => JsonNode.Parse(File.ReadAllText(System.IO.Path.Combine(Path, file)))!.AsArray();

    public static JsonArray Features(string file) => JsonNode.Parse(File.ReadAllText(System.IO.Path.Combine(Path, file)))!["features"]!.AsArray();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "seed-data");
            if (File.Exists(System.IO.Path.Combine(candidate, SeedFiles.Plans)))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("seed-data not found above " + AppContext.BaseDirectory);
    }
}
