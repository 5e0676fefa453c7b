using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Muster.Depots.Locating;
using Muster.Experts.Locating;
using Muster.Scale;
using Muster.Spatial;
using Muster.Units;
using Muster.Units.Locating;
using Npgsql;

namespace Muster.Benchmarks;

/// <summary>
/// The nearest-first reads (<c>nearestUnits</c>, <c>nearestExperts</c>, <c>depotsNear</c>), each over HTTP with one
/// client beside the raw k-nearest query on its location table through Npgsql, interleaved point by point so both
/// see the same machine at the same moment; then where the time goes (the trivial query's round trip, the finder
/// called in process).
/// </summary>
public static class NearestRows
{
    private const int K = 10;

    /// <summary>A province of units only (plus its experts and depots), fast to generate, for <c>--nearest-only</c>.</summary>
    public static ScaleSpec UnitsOnlyProvince() =>
        ScaleSpec.Province() with { Name = "nearest-province", Items = 1, ItemsPerDepot = 1 };

    /// <summary><c>--nearest-only</c>: generates <see cref="UnitsOnlyProvince"/> (about a minute, not the province's ten), then the rows.</summary>
    public static async Task GenerateAndRunAsync(BenchApp app, GraphQLClient client, ScaleGenerator generator, NpgsqlDataSource raw, Report report, int count, int warmUp, Action<string> say)
    {
        var spec = UnitsOnlyProvince();
        var generated = await generator.GenerateAsync(spec, null, CancellationToken.None);
        say($"generated {spec.Name}: {generated.Events:N0} events in {generated.Elapsed.TotalSeconds:N1} s");
        await RunAsync(app, client, raw, report, spec, count, warmUp);
    }

    public static async Task RunAsync(BenchApp app, GraphQLClient client, NpgsqlDataSource raw, Report report, ScaleSpec spec, int count, int warmUp)
    {
        var units = await CountAsync(raw, UnitLocationsTable.Name);
        var experts = await CountAsync(raw, ExpertLocationsTable.Name);
        var depots = await CountAsync(raw, DepotLocationsTable.Name);
        var points = Points(spec, count + warmUp);

        var (graph, direct) = await SideBySideAsync(client, raw, points, warmUp,
            "query($lat: Float!, $lon: Float!) { nearestUnits(near: { lat: $lat, lon: $lon }, first: 10) { distanceMeters unit { id name } } }",
            "nearestUnits", UnitLocationsTable.Name);
        Add(report, "nearestUnits", graph, direct,
            $"k = {K} over {units:N0} units, {count} points, one client; selection `distanceMeters unit {{ id name }}` (needs the unit's document); GraphQL over HTTP vs the raw KNN query (order by location <-> p limit 10) through Npgsql, interleaved");

        (graph, direct) = await SideBySideAsync(client, raw, points, warmUp,
            RowFieldsNearest, "nearestUnits", UnitLocationsTable.Name);
        Add(report, "nearestUnits, row fields only", graph, direct,
            $"as above with `distanceMeters etaSeconds unit {{ id kind status location {{ lat lon }} }}`: everything from the location row, no document");

        (graph, direct) = await SideBySideAsync(client, raw, points, warmUp,
            "query($lat: Float!, $lon: Float!) { nearestExperts(near: { lat: $lat, lon: $lon }, first: 10) { distanceMeters etaSeconds expert { id name } } }",
            "nearestExperts", ExpertLocationsTable.Name);
        Add(report, "nearestExperts", graph, direct,
            $"k = {K} over {experts:N0} expert teams, {count} points; `distanceMeters etaSeconds expert {{ id name }}` vs the raw KNN query on expert_locations");

        (graph, direct) = await SideBySideAsync(client, raw, points, warmUp,
            "query($lat: Float!, $lon: Float!) { depotsNear(near: { lat: $lat, lon: $lon }, first: 10) { distanceMeters depot { id name } } }",
            "depotsNear", DepotLocationsTable.Name);
        Add(report, "depotsNear", graph, direct,
            $"k = {K} over {depots:N0} depots, {count} points; `distanceMeters depot {{ id name }}` vs the raw KNN query on depot_locations");

        await ProfileAsync(app, client, raw, report, points, warmUp);
    }

    /// <summary>
    /// Where the time of <c>nearestUnits</c> goes: HTTP + authentication + GraphQL with nothing to resolve
    /// (<c>{ __typename }</c>), and the finder alone, called in process with the same arguments, each beside the raw
    /// query measured in the same loop.
    /// </summary>
    private static async Task ProfileAsync(BenchApp app, GraphQLClient client, NpgsqlDataSource raw, Report report, IReadOnlyList<GeoPoint> points, int warmUp)
    {
        var trivial = new Samples();
        var fixedBytes = new Samples();
        var bare = new Samples();
        var least = new Samples();
        var rowFields = new Samples();
        var finder = new Samples();
        var rowsOnly = new Samples();
        var direct = new Samples();
        var sql = BareNearest.Sql(UnitLocationsTable.Name);
        async Task<int> FindAsync(GeoPoint point, UnitDetail detail)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var found = await scope.ServiceProvider.GetRequiredService<UnitFinder>()
                .NearestAsync(point, new UnitScope(null, UnitStatus.Available, null), K, detail, CancellationToken.None);
            return Check(found.Count, "the finder");
        }

        async Task<int> AskAsync(string query, GeoPoint point) =>
            Check((await client.PostAsync(query, new { lat = point.Lat, lon = point.Lon }))["nearestUnits"]!.AsArray().Count, "nearestUnits");

        for (var i = 0; i < points.Count; i++)
        {
            var point = points[i];
            var timed = i >= warmUp;
            await Time(timed ? trivial : null, async () => (await client.PostAsync("{ __typename }"))["__typename"] is null ? 0 : 1);
            await Time(timed ? fixedBytes : null, async () => (await client.PostRawAsync("/bare", "{}")).Length > 0 ? 1 : 0);
            await Time(timed ? bare : null, async () => Check(
                JsonNode.Parse(await client.PostRawAsync(BareNearest.Path, JsonSerializer.Serialize(new { lat = point.Lat, lon = point.Lon })))!.AsArray().Count, "/bare/nearest"));
            await Time(timed ? least : null, () => AskAsync(LeastNearest, point));
            await Time(timed ? rowFields : null, () => AskAsync(RowFieldsNearest, point));
            await Time(timed ? finder : null, () => FindAsync(point, UnitDetail.Document));
            await Time(timed ? rowsOnly : null, () => FindAsync(point, UnitDetail.LocationRow));
            await Time(timed ? direct : null, () => RawAsync(raw, sql, point));
        }

        report.Add("profile: { __typename } over HTTP", $"p50 {Ms(trivial.P(0.5))}", $"p50 {Ms(direct.P(0.5))}", $"{Report.F(trivial.P(0.5) / direct.P(0.5))}×",
            "one client, the same loop as the finder and the raw KNN query: the floor of any GraphQL answer over HTTP (routing, JWT, parse cache, execution, JSON)");
        report.Add("profile: a bare endpoint's fixed bytes", $"p50 {Ms(fixedBytes.P(0.5))}", $"p50 {Ms(direct.P(0.5))}", $"{Report.F(fixedBytes.P(0.5) / direct.P(0.5))}×",
            "POST /bare in the same loop: the bytes { __typename } answers, without token or GraphQL: HTTP's own round trip here");
        report.Add("profile: the raw KNN query behind a bare endpoint", $"p50 {Ms(bare.P(0.5))}, p99 {Ms(bare.P(0.99))}", $"p50 {Ms(direct.P(0.5))}", $"{Report.F(bare.P(0.5) / direct.P(0.5))}×",
            "POST /bare/nearest in the same host and loop: the raw query on the service's pool, its 10 rows as JSON; no token, GraphQL, ETA or status: the least any service pays here for k nearest over HTTP");
        report.Add("profile: UnitFinder.NearestAsync in process", $"p50 {Ms(finder.P(0.5))}, p99 {Ms(finder.P(0.99))}", $"p50 {Ms(direct.P(0.5))}, p99 {Ms(direct.P(0.99))}",
            $"{Report.F(finder.P(0.5) / direct.P(0.5))}×", "k = 10, AVAILABLE, no capability, documents included (as proposeDispatch uses it): the SQL and document loading without HTTP or GraphQL");
        report.Add("profile: UnitFinder.NearestAsync in process, location rows only", $"p50 {Ms(rowsOnly.P(0.5))}, p99 {Ms(rowsOnly.P(0.99))}", $"p50 {Ms(direct.P(0.5))}",
            $"{Report.F(rowsOnly.P(0.5) / direct.P(0.5))}×", "as above without documents: the one statement the least nearestUnits selection runs");
        report.Add("profile: nearestUnits { distanceMeters } over HTTP", $"p50 {Ms(least.P(0.5))}, p99 {Ms(least.P(0.99))}", $"p50 {Ms(direct.P(0.5))}",
            $"{Report.F(least.P(0.5) / direct.P(0.5))}×", "k = 10, the least a selection can ask: the finder's statement without documents, HTTP and GraphQL, ten numbers back");
        report.Add("profile: nearestUnits, row fields, in the same loop", $"p50 {Ms(rowFields.P(0.5))}, p99 {Ms(rowFields.P(0.99))}", $"p50 {Ms(direct.P(0.5))}",
            $"{Report.F(rowFields.P(0.5) / direct.P(0.5))}×", "the row above's selection (no document): what resolving and writing 10 units' fields adds to the least selection");
    }

    private static async Task<(Samples Graph, Samples Direct)> SideBySideAsync(
        GraphQLClient client, NpgsqlDataSource raw, IReadOnlyList<GeoPoint> points, int warmUp, string query, string field, string table)
    {
        var graph = new Samples();
        var direct = new Samples();
        var sql = BareNearest.Sql(table);
        for (var i = 0; i < points.Count; i++)
        {
            var point = points[i];
            var timed = i >= warmUp;
            var variables = new { lat = point.Lat, lon = point.Lon };

            // Alternate which goes first, so neither always follows the other's cache misses.
            if (i % 2 == 0)
            {
                await Time(timed ? direct : null, () => RawAsync(raw, sql, point));
            }

            await Time(timed ? graph : null, async () => Check((await client.PostAsync(query, variables))[field]!.AsArray().Count, field));
            if (i % 2 == 1)
            {
                await Time(timed ? direct : null, () => RawAsync(raw, sql, point));
            }
        }

        return (graph, direct);
    }

    private const string RowFieldsNearest =
        "query($lat: Float!, $lon: Float!) { nearestUnits(near: { lat: $lat, lon: $lon }, first: 10) { distanceMeters etaSeconds unit { id kind status location { lat lon } } } }";

    private const string LeastNearest = "query($lat: Float!, $lon: Float!) { nearestUnits(near: { lat: $lat, lon: $lon }, first: 10) { distanceMeters } }";

    private static async Task<int> RawAsync(NpgsqlDataSource raw, string sql, GeoPoint point)
    {
        await using var command = raw.CreateCommand(sql);
        command.Parameters.AddWithValue("lat", point.Lat);
        command.Parameters.AddWithValue("lon", point.Lon);
        await using var reader = await command.ExecuteReaderAsync();
        var n = 0;
        while (await reader.ReadAsync())
        {
            n++;
        }

        return Check(n, "the raw KNN query");
    }

    private static int Check(int rows, string what) =>
        rows == K ? rows : throw new InvalidOperationException($"{what} answered {rows} rows, not {K}");

    private static async Task Time(Samples? samples, Func<Task<int>> once)
    {
        if (samples is null)
        {
            await once();
        }
        else
        {
            await samples.TimeAsync(once);
        }
    }

    private static void Add(Report report, string row, Samples graph, Samples direct, string notes) =>
        report.Add(row, $"p50 {Ms(graph.P(0.5))}, p99 {Ms(graph.P(0.99))}", $"p50 {Ms(direct.P(0.5))}, p99 {Ms(direct.P(0.99))}",
            $"{Report.F(graph.P(0.5) / direct.P(0.5))}× / {Report.F(graph.P(0.99) / direct.P(0.99))}×", notes);

    private static string Ms(double ms) => $"{Report.F(ms, "N2")} ms";

    private static List<GeoPoint> Points(ScaleSpec spec, int count)
    {
        var random = new Random(42);
        return Enumerable.Range(0, count).Select(_ => new GeoPoint(
            spec.Center.Lat + ((random.NextDouble() - 0.5) * spec.RadiusKm / 111.32),
            spec.Center.Lon + ((random.NextDouble() - 0.5) * spec.RadiusKm / 90))).ToList();
    }

    private static async Task<long> CountAsync(NpgsqlDataSource raw, string table)
    {
        await using var command = raw.CreateCommand($"select count(*) from {table}");
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
