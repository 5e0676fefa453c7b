using System.Diagnostics;
using Muster.Readiness.MoveUp;
using Muster.Spatial;
using Muster.Units;

namespace Muster.Benchmarks;

/// <summary>
/// Move-up at city and province size, in process (no database): building the covering problem (the raw part: geodesic
/// distances through a grid, by the ETA model) beside solving it — exactly by CP-SAT at city size, greedily with the gap
/// to a proven bound at province size, and greedy at city size beside the exact answer to show what the gap hides.
/// Synthetic places: units gathered at stations in the centre, demand spread out, posts scattered.
/// </summary>
public static class MoveUpRows
{
    public static void Add(Report report, bool quick, Action<string> say)
    {
        var eta = new EtaModel(new EtaOptions());
        var city = Instance(seed: 15, halfKm: 25, units: 60, stations: 15, demand: 600, posts: 150);
        var built = Stopwatch.StartNew();
        var cityProblem = MoveUpProblems.Build(city.Demand, city.Units, city.Posts, 900, 3, eta, 300);
        built.Stop();
        var exact = MoveUpSolver.Solve(cityProblem, new MoveUpOptions());
        var greedy = MoveUpSolver.Solve(cityProblem, new MoveUpOptions { ExactMaxPairs = 0 });
        say($"move-up city: build {built.Elapsed.TotalMilliseconds:N0} ms, exact {exact.Elapsed.TotalMilliseconds:N0} ms ({(exact.Optimal ? "optimal" : "not proven")}), greedy {greedy.Elapsed.TotalMilliseconds:N0} ms");
        report.Add("suggestMoveUp city (exact)", $"{Report.F(exact.Elapsed.TotalMilliseconds, "N0")} ms", $"build {Report.F(built.Elapsed.TotalMilliseconds, "N0")} ms", "",
            $"CP-SAT (5 s limit), 3 moves, 15 min: {city.Units.Count} units with the capability at {city.Stations} stations, 600 demand points, 150 posts; model {exact.ModelMoves:N0} pairs × {exact.ModelPoints:N0} points; "
            + $"{(exact.Optimal ? "proven optimal" : $"time limit, gap {Report.F(100 * exact.GapShare, "N2")} points")}; covered weight {Report.F(100 * exact.CoveredBefore / exact.TotalWeight)}% → {Report.F(100 * exact.CoveredAfter / exact.TotalWeight)}%");
        report.Add("suggestMoveUp city (greedy)", $"{Report.F(greedy.Elapsed.TotalMilliseconds, "N0")} ms", $"exact {Report.F(exact.Elapsed.TotalMilliseconds, "N0")} ms", "",
            $"greedy on the same city: {Report.F(100 * greedy.CoveredAfter / greedy.TotalWeight)}% vs exact {Report.F(100 * exact.CoveredAfter / exact.TotalWeight)}%; its bound said ≤ {Report.F(100 * greedy.UpperBound / greedy.TotalWeight)}% (gap {Report.F(100 * greedy.GapShare, "N2")} points)");

        var scale = quick ? 5 : 1;
        var province = Instance(seed: 16, halfKm: 150, units: 10_000 / scale, stations: 1_500 / scale, demand: 50_000 / scale, posts: 3_000 / scale);
        built.Restart();
        var provinceProblem = MoveUpProblems.Build(province.Demand, province.Units, province.Posts, 900, 10, eta, 300);
        built.Stop();
        var large = MoveUpSolver.Solve(provinceProblem, new MoveUpOptions());
        say($"move-up province: build {built.Elapsed.TotalMilliseconds:N0} ms, {large.Method} {large.Elapsed.TotalMilliseconds:N0} ms, gap {100 * large.GapShare:N2} points");
        report.Add($"suggestMoveUp province ({large.Method.ToString().ToLowerInvariant()})", $"{Report.F(large.Elapsed.TotalMilliseconds, "N0")} ms", $"build {Report.F(built.Elapsed.TotalMilliseconds, "N0")} ms", "",
            $"10 moves, 15 min: {province.Units.Count:N0} units with the capability at {province.Stations:N0} stations, {province.Demand.Count:N0} demand points, {province.Posts.Count:N0} posts "
            + $"({large.ModelMoves:N0} useful pairs); covered weight {Report.F(100 * large.CoveredBefore / large.TotalWeight)}% → {Report.F(100 * large.CoveredAfter / large.TotalWeight)}%, "
            + $"bound {Report.F(100 * large.UpperBound / large.TotalWeight)}%: gap {Report.F(100 * large.GapShare, "N2")} points");
    }

    private sealed record Places(
        List<(GeoPoint Location, double Weight)> Demand, List<(UnitKind Kind, GeoPoint Location)> Units, List<GeoPoint> Posts, int Stations);

    private static Places Instance(int seed, double halfKm, int units, int stations, int demand, int posts)
    {
        var random = new Random(seed);
        var centre = new GeoPoint(36.57, 111.72);
        GeoPoint Around(double km)
        {
            var dLat = (random.NextDouble() * 2 - 1) * km / 111.0;
            var dLon = (random.NextDouble() * 2 - 1) * km / (111.0 * Math.Cos(centre.Lat * Math.PI / 180));
            return new GeoPoint(centre.Lat + dLat, centre.Lon + dLon);
        }

        // Stations sit in the inner half; demand and posts anywhere.
        var stationPoints = Enumerable.Range(0, stations).Select(_ => Around(halfKm * 0.6)).ToList();
        var placed = Enumerable.Range(0, units)
            .Select(i => (i % 5 == 0 ? UnitKind.RescueTeam : UnitKind.MineRescueTeam, stationPoints[random.Next(stations)])).ToList();
        var needs = Enumerable.Range(0, demand).Select(_ => (Around(halfKm), (double)random.Next(1, 5))).ToList();
        var candidates = Enumerable.Range(0, posts).Select(_ => Around(halfKm)).ToList();
        return new Places(needs, placed, candidates, stations);
    }
}
