using Microsoft.Extensions.DependencyInjection;
using Muster.Api.Tests.Support;
using Muster.Readiness;
using Muster.Readiness.Coverage;
using Muster.Spatial;
using Muster.Units;

namespace Muster.Api.Tests.Readiness;

/// <summary>
/// Coverage checked against brute force: random units (kinds, capabilities, statuses, fresh and stale positions) far
/// from the county, random demand points and limits; every unit × point ETA computed here by the same
/// <see cref="EtaModel"/> over Vincenty's geodesic distance, then the two soonest kept. Every way of answering (on one
/// connection, or split across two, each half copying only the units within reach of its own half of the map; with
/// units taken by a dispatch and without) must agree with it.
/// </summary>
[Collection(ReadinessCountyCollection.Collection)]
public sealed class CoverageOracleTests(ReadinessCounty county)
{
    private static readonly UnitKind[] Kinds = [UnitKind.FireEngine, UnitKind.RescueTeam, UnitKind.MineRescueTeam, UnitKind.Ambulance, UnitKind.Boat];

    private sealed record Placed(Guid Id, UnitKind Kind, string[] Capabilities, GeoPoint At, bool Available, bool Stale);

    [Theory]
    [InlineData(11)]
    [InlineData(23)]
    [InlineData(37)]
    public async Task Coverage_agrees_with_every_unit_and_point_checked_one_by_one(int seed)
    {
        var app = county.App;
        var random = new Random(seed);
        var capability = $"oracle-{seed}";
        var centre = new GeoPoint(40.0 + seed / 100.0, 116.3);
        GeoPoint Scatter() => new(centre.Lat + ((random.NextDouble() - 0.5) * 0.3), centre.Lon + ((random.NextDouble() - 0.5) * 0.4));

        var units = new List<Placed>();
        for (var i = 0; i < 60; i++) // enough that the nearest-first probes often stop short of every unit and must prove they may
        {
            var kind = Kinds[random.Next(Kinds.Length)];
            string[] capabilities = random.NextDouble() < 0.7 ? [capability, "other"] : ["other"];
            var at = Scatter();
            var id = await UnitCalls.RegisterAsync(app, county.MineRescueAgency, $"oracle {seed} {i}", at.Lat, at.Lon,
                kind.ToString() switch { "FireEngine" => "FIRE_ENGINE", "RescueTeam" => "RESCUE_TEAM", "MineRescueTeam" => "MINE_RESCUE_TEAM", "Ambulance" => "AMBULANCE", _ => "BOAT" },
                capabilities);
            var roll = random.NextDouble();
            var stale = false;
            if (roll < 0.15)
            {
                at = Scatter();
                stale = true; // last heard of 45 minutes ago: covers nothing
                Assert.Empty((await UnitCalls.ReportAsync(app, id, at.Lat, at.Lon, DateTimeOffset.UtcNow.AddMinutes(-45)))["errors"]!.AsArray());
            }
            else if (roll < 0.35)
            {
                at = Scatter();
                Assert.Empty((await UnitCalls.ReportAsync(app, id, at.Lat, at.Lon, DateTimeOffset.UtcNow))["errors"]!.AsArray());
            }

            var available = random.NextDouble() >= 0.2;
            if (!available)
            {
                var changed = await app.PostAsync(UnitCalls.ChangeStatus, new { input = new { unitId = id, status = "OUT_OF_SERVICE" } }, app.Token("admin"));
                Assert.True(changed.Data?["changeUnitStatus"]?["errors"]?.AsArray().Count == 0, changed.Text);
            }

            units.Add(new Placed(Muster.Api.GraphQL.Relay.GlobalId.Of("RescueUnit", id)!.Value, kind, capabilities, at, available, stale));
        }

        // Points over four times the units' area, so that some lie beyond every unit's reach.
        GeoPoint Wide() => new(centre.Lat + ((random.NextDouble() - 0.5) * 0.6), centre.Lon + ((random.NextDouble() - 0.5) * 0.8));
        // And a village of points close together, which share one walk of the first round.
        GeoPoint Village() => new(centre.Lat + ((random.NextDouble() - 0.5) * 0.03), centre.Lon + ((random.NextDouble() - 0.5) * 0.04));
        var demand = Enumerable.Range(0, 60)
            .Select(i => new DemandPoint($"p{i}", $"p{i}", DemandKind.Given, i < 40 ? Wide() : Village(), 1 + random.Next(4))).ToList();
        var within = 300 + random.Next(1_200);
        var taken = units.Where(_ => random.NextDouble() < 0.15).Select(u => u.Id).ToHashSet();

        using var scope = app.Services.CreateScope();
        var eta = scope.ServiceProvider.GetRequiredService<EtaModel>();
        var calculator = scope.ServiceProvider.GetRequiredService<CoverageCalculator>();
        var ask = new CoverageAsk(capability, within, 2 * within);
        // A question with units taken (a proposal's cost) reads every scanned unit back; one without (coverage) reads
        // only the two soonest of each point.
        foreach (var (split, costed) in new[] { (false, true), (true, true), (false, false), (true, false) })
        {
            var answer = (await calculator.ComputeAsync([ask], demand, costed ? taken : [], default,
                probesPerConnection: split ? demand.Count / 2 : CoverageCalculator.ProbesPerConnection))[0];
            Assert.Contains(answer.Before.Points, p => p.Covered); // the scenario is not trivial: some points covered,
            Assert.Contains(answer.Before.Points, p => !p.Covered); // some not
            foreach (var (after, result) in new[] { (false, answer.Before), (true, answer.After) })
            {
                for (var p = 0; p < demand.Count; p++)
                {
                    var etas = units
                        .Where(u => u.Available && !u.Stale && u.Capabilities.Contains(capability) && !(after && costed && taken.Contains(u.Id)))
                        .Select(u => eta.UnitSeconds(u.Kind, Geodesic.Meters(u.At.Lat, u.At.Lon, demand[p].Location.Lat, demand[p].Location.Lon)))
                        .Where(s => s <= 2 * within)
                        .Order()
                        .ToList();
                    var got = result.Points[p];
                    var what = $"seed {seed}{(split ? ", split" : "")}{(costed ? ", costed" : "")}, {(after ? "after" : "before")}, point {p}, within {within}";
                    Close(etas.Count > 0 ? etas[0] : null, got.BestEtaSeconds, 2 * within, what + ", best");
                    Close(etas.Count > 1 ? etas[1] : null, got.SecondBestEtaSeconds, 2 * within, what + ", second");
                    if (etas.Count == 0 || Math.Abs(etas[0] - within) > 1)
                    {
                        Assert.True((etas.Count > 0 && etas[0] <= within) == got.Covered, what + ", covered");
                    }
                }
            }
        }
    }

    /// <summary>
    /// Points close together share the first round's walk, from the middle of their cell. A point at the cell's edge is
    /// nearer to the units beyond the walk on its side than the walk's reach suggests: here the walk takes the 16 units
    /// of a 3 km ring around the middle, north and south of the point, and a 17th unit lies 3.1 km east, just beyond the
    /// ring but 2.1 km from the point, nearer than any unit of the ring (2.2 km at best). It must be found.
    /// </summary>
    [Fact]
    public async Task A_point_at_the_edge_of_a_shared_walk_still_finds_the_unit_beyond_the_walk_on_its_side()
    {
        var app = county.App;
        const string capability = "oracle-cell-edge";
        var origin = new GeoPoint(41.2, 116.3);
        GeoPoint At(double eastKm, double northKm) =>
            new(origin.Lat + (northKm / 111.32), origin.Lon + (eastKm / (111.32 * Math.Cos(origin.Lat * Math.PI / 180))));

        // Four points around the cell's middle (1, 0.5) km, the grid's south-west corner at (0, 0), and one far to the
        // north-east so that cells are as wide as the reach allows (over 4 km): the four share one cell.
        GeoPoint[] points = [At(2, 0.5), At(0, 0.5), At(1, 0), At(1, 1), At(60, 60)];
        var units = new List<GeoPoint>();
        foreach (var degrees in new[] { 30, 40, 50, 60, 70, 80, 90, 100, -30, -40, -50, -60, -70, -80, -90, -100 })
        {
            units.Add(At(1 + (3 * Math.Cos(degrees * Math.PI / 180)), 0.5 + (3 * Math.Sin(degrees * Math.PI / 180))));
        }

        units.Add(At(1 + 3.1, 0.5));
        foreach (var (unit, n) in units.Select((u, n) => (u, n)))
        {
            await UnitCalls.RegisterAsync(app, county.MineRescueAgency, $"cell edge {n}", unit.Lat, unit.Lon, "MINE_RESCUE_TEAM", [capability]);
        }

        using var scope = app.Services.CreateScope();
        var eta = scope.ServiceProvider.GetRequiredService<EtaModel>();
        var demand = points.Select((p, i) => new DemandPoint($"e{i}", $"e{i}", DemandKind.Given, p, 1)).ToList();
        var answer = (await scope.ServiceProvider.GetRequiredService<CoverageCalculator>()
            .ComputeAsync([new CoverageAsk(capability, 900, 1_800)], demand, [], default))[0].Before;
        for (var p = 0; p < 4; p++)
        {
            var etas = units.Select(u => eta.UnitSeconds(UnitKind.MineRescueTeam, Geodesic.Meters(u.Lat, u.Lon, points[p].Lat, points[p].Lon))).Order().ToList();
            Close(etas[0], answer.Points[p].BestEtaSeconds, 1_800, $"point {p}, best");
            Close(etas[1], answer.Points[p].SecondBestEtaSeconds, 1_800, $"point {p}, second");
        }
    }

    /// <summary>Equal to the second, or both absent; a unit right at the horizon may round either way.</summary>
    private static void Close(int? expected, int? actual, int horizon, string what)
    {
        if (expected is null || actual is null)
        {
            Assert.True(expected == actual || (expected ?? actual) >= horizon - 1, $"{what}: expected {expected}, got {actual}");
            return;
        }

        Assert.True(Math.Abs(expected.Value - actual.Value) <= 1, $"{what}: expected {expected}, got {actual}");
    }
}
