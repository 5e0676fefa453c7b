using System.Text.Json.Nodes;
using Muster.Api.Tests.Support;
using Muster.Seeding;
using Xunit.Abstractions;

namespace Muster.Api.Tests.Seeding;

/// <summary>
/// The seed's register fits its plans: for every plan, an incident of that kind and level at a hazard site of the
/// ledger that lists the kind gets a proposal with a unit for each capability, an expert for each specialty and a
/// depot for each item. Seed data that drifts from plans.json fails here.
/// </summary>
[Collection(SeededCity.Collection)]
public sealed class SeedPlansFitTests(SeededCity city, ITestOutputHelper output)
{
    private MusterApp App => city.App;

    [Fact]
    public async Task Every_plan_proposed_at_a_site_of_its_kind_finds_each_capability_specialty_and_item()
    {
        var sites = SeedFolder.Features("hazard-sites.geojson");
        foreach (var plan in SeedFolder.Array(SeedFiles.Plans).Select(p => p!))
        {
            var kind = plan["incidentKind"]!.GetValue<string>();
            var level = plan["level"]!.GetValue<string>();
            var site = sites.FirstOrDefault(s => s!["properties"]!["incidentKinds"]!.AsArray().Any(k => k!.GetValue<string>() == kind))
                ?? throw new Xunit.Sdk.XunitException($"no hazard site lists {kind}");
            var (lat, lon) = Position(site["geometry"]!);
            var incident = await DispatchCalls.ReportAsync(App, kind, level, lat, lon, $"{site["properties"]!["name"]} {kind}");

            var proposal = (await DispatchCalls.ProposeAsync(App, incident))["proposal"]!;

            var capabilities = proposal["units"]!.AsArray().Select(u => u!["capability"]!.GetValue<string>()).ToHashSet();
            var specialties = proposal["experts"]!.AsArray().Select(e => e!["specialty"]!.GetValue<string>()).ToHashSet();
            var items = proposal["supplies"]!.AsArray().Select(s => s!["itemCode"]!.GetValue<string>()).ToHashSet();
            var shortfalls = proposal["shortfalls"]!.AsArray().Select(s => $"{s!["kind"]} {s["what"]} ×{s["quantity"]}");
            output.WriteLine($"{kind} {level} at {site["properties"]!["name"]}: {proposal["units"]!.AsArray().Count} units, " +
                $"{proposal["experts"]!.AsArray().Count} experts, {items.Count} items; shortfalls: {string.Join(", ", shortfalls)}");
            Assert.All(Needs(plan, "units", "capability"), c => Assert.True(capabilities.Contains(c), $"{kind} {level}: no unit for {c}"));
            Assert.All(Needs(plan, "experts", "specialty"), s => Assert.True(specialties.Contains(s), $"{kind} {level}: no expert for {s}"));
            Assert.All(Needs(plan, "supplies", "itemCode"), i => Assert.True(items.Contains(i), $"{kind} {level}: no depot with {i}"));
        }
    }

    private static IEnumerable<string> Needs(JsonNode plan, string list, string field) =>
        plan[list]?.AsArray().Select(n => n![field]!.GetValue<string>()) ?? [];

    /// <summary>A point, or the middle vertex of a river section.</summary>
    private static (double Lat, double Lon) Position(JsonNode geometry)
    {
        var coordinates = geometry["coordinates"]!.AsArray();
        var point = geometry["type"]!.GetValue<string>() == "Point" ? coordinates : coordinates[coordinates.Count / 2]!.AsArray();
        return (point[1]!.GetValue<double>(), point[0]!.GetValue<double>());
    }
}
