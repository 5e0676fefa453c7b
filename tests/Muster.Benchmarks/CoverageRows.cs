using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Muster.Readiness;
using Muster.Readiness.Coverage;
using Muster.Scale;
using Muster.Spatial;
using Muster.Units;
using Muster.Units.Locating;
using Npgsql;

namespace Muster.Benchmarks;

/// <summary>
/// Readiness rows: coverage at city size (the seed's county, townships and hazard sites over the generated city's
/// units), at province scale (100,000 more units, 50,000 demand points), each beside the raw SQL answering the same
/// question, and a dispatch proposal with and without its coverage cost. Runs after the other rows: the extra
/// units would change their conditions.
/// </summary>
public static class CoverageRows
{
    private const string Capability = "mine-rescue";
    private const int Within = 900;

    public static async Task RunAsync(BenchApp app, GraphQLClient client, NpgsqlDataSource raw, Report report, bool quick, Action<string> say)
    {
        await SeedPlacesAsync(client);
        var city = await CityAsync(app, client, raw, report, quick ? 30 : 100);
        say($"coverage city: {city}");
        await ProposalCostAsync(app, client, report, quick ? 20 : 60);

        if (Environment.GetCommandLineArgs().Contains("--no-province"))
        {
            return;
        }

        var spec = ScaleSpec.Province() with { Name = "coverage-province", Depots = 1, Items = 1, ItemsPerDepot = 1, Experts = 1 };
        var generator = new ScaleGenerator(app.Services.GetRequiredService<Marten.IDocumentStore>(), app.Services.GetRequiredService<NpgsqlDataSource>(), TimeProvider.System);
        var generated = await generator.GenerateAsync(spec, null, CancellationToken.None);
        say($"generated {spec.Name}: {generated.Events:N0} events in {generated.Elapsed.TotalSeconds:N1} s");
        await ProvinceAsync(app, raw, report, spec, quick ? 3 : 5, say);
    }

    /// <summary>The seed's county boundary, township seats and hazard sites, registered through the API.</summary>
    private static async Task SeedPlacesAsync(GraphQLClient client)
    {
        var folder = SeedFolder();
        var boundary = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "county-boundary.geojson")))!["features"]![0]!["geometry"]!.ToJsonString();
        var county = (await client.PostAsync("""
            mutation($b: String!) { registerJurisdiction(input: { name: "霍州市", level: COUNTY, boundary: $b }) { jurisdiction { id } errors { message } } }
            """, new { b = boundary }))["registerJurisdiction"]!["jurisdiction"]!["id"]!.GetValue<string>();
        foreach (var seat in JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "township-seats.geojson")))!["features"]!.AsArray())
        {
            var c = seat!["geometry"]!["coordinates"]!;
            await client.PostAsync("""
                mutation($name: String!, $county: ID!, $lat: Float!, $lon: Float!) {
                  registerJurisdiction(input: { name: $name, level: TOWNSHIP, parentId: $county, seat: { lat: $lat, lon: $lon } }) { errors { message } }
                }
                """, new { name = seat["properties"]!["name"]!.GetValue<string>(), county, lat = c[1]!.GetValue<double>(), lon = c[0]!.GetValue<double>() });
        }

        foreach (var site in JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "hazard-sites.geojson")))!["features"]!.AsArray())
        {
            var p = site!["properties"]!;
            var data = await client.PostAsync("""
                mutation($input: RegisterHazardSiteInput!) { registerHazardSite(input: $input) { site { id } errors { message } } }
                """, new
            {
                input = new
                {
                    name = p["name"]!.GetValue<string>(),
                    kind = p["kind"]!.GetValue<string>().Replace('-', '_').ToUpperInvariant(),
                    riskLevel = p["riskLevel"]!.GetValue<string>(),
                    geometry = site["geometry"]!.ToJsonString(),
                },
            });
            if (data["registerHazardSite"]!["errors"]!.AsArray().Count > 0)
            {
                throw new InvalidOperationException($"hazard site not registered: {data.ToJsonString()}");
            }
        }
    }

    private static async Task<string> CityAsync(BenchApp app, GraphQLClient client, NpgsqlDataSource raw, Report report, int count)
    {
        const string query = """
            query { coverage(capability: "mine-rescue", withinSeconds: 900) { coveredShare coveredWeightShare points { name covered bestEtaSeconds secondBestEtaSeconds } } }
            """;
        var graph = new Samples();
        JsonNode? last = null;
        for (var i = 0; i < count + 20; i++)
        {
            last = i < 20 ? await client.PostAsync(query) : await graph.TimeAsync(() => client.PostAsync(query));
        }

        IReadOnlyList<DemandPoint> demand;
        using (var scope = app.Services.CreateScope())
        {
            demand = await scope.ServiceProvider.GetRequiredService<IDemandPoints>().AllAsync(CancellationToken.None);
        }

        var eta = app.Services.GetRequiredService<EtaModel>();
        var direct = new Samples();
        var rows = 0;
        for (var i = 0; i < count + 20; i++)
        {
            rows = i < 20 ? await RawAsync(raw, eta, demand) : await direct.TimeAsync(() => RawAsync(raw, eta, demand));
        }

        var points = last!["coverage"]!["points"]!.AsArray().Count;
        var covered = last["coverage"]!["coveredWeightShare"]!.GetValue<double>();
        var units = await CountAsync(raw);
        report.Add("coverage city", $"p50 {Report.F(graph.P(0.5), "N2")} ms, p99 {Report.F(graph.P(0.99), "N2")} ms",
            $"p50 {Report.F(direct.P(0.5), "N2")} ms, p99 {Report.F(direct.P(0.99), "N2")} ms",
            $"{Report.F(graph.P(0.5) / direct.P(0.5))}× / {Report.F(graph.P(0.99) / direct.P(0.99))}×",
            $"{Capability} within {Within} s, {points} demand points (every seed hazard site and township seat; {Report.F(covered * 100)}% of weight covered) over {units:N0} units; GraphQL over HTTP vs the raw lateral nearest-8 query through Npgsql ({rows} rows)");
        return $"{points} points, {Report.F(covered * 100)}% of weight";
    }

    private static async Task ProposalCostAsync(BenchApp app, GraphQLClient client, Report report, int count)
    {
        var incident = (await client.PostAsync("""
            mutation { reportIncident(input: { kind: MINE_GAS_EXPLOSION, level: II, location: { lat: 36.58, lon: 111.73 }, title: "coverage benchmark" }) { incident { id } errors { message } } }
            """))["reportIncident"]!["incident"]!["id"]!.GetValue<string>();
        const string query = """
            mutation($incident: ID!) {
              proposeDispatch(input: { incidentId: $incident }) {
                proposal { id units { unit { id } } coverageCost { capability coveredWeightShareBefore coveredWeightShareAfter newlyUncovered { name } } } errors { message }
              }
            }
            """;
        var options = app.Services.GetRequiredService<ReadinessOptions>();
        var with = new Samples();
        var without = new Samples();
        JsonNode? last = null;
        for (var i = 0; i < (count + 20) * 2; i++)
        {
            // Alternate, so both see the same database and the same warmth.
            var costed = i % 2 == 0;
            options.CostOfDispatch = costed;
            var samples = costed ? with : without;
            var data = i < 40 ? await client.PostAsync(query, new { incident }) : await samples.TimeAsync(() => client.PostAsync(query, new { incident }));
            if (costed)
            {
                last = data;
            }
        }

        options.CostOfDispatch = true;
        var costs = last!["proposeDispatch"]!["proposal"]!["coverageCost"]!.AsArray();
        report.Add("proposeDispatch with coverage cost", $"p50 {Report.F(with.P(0.5))} ms, p99 {Report.F(with.P(0.99))} ms",
            $"p50 {Report.F(without.P(0.5))} ms, p99 {Report.F(without.P(0.99))} ms",
            $"{Report.F(with.P(0.5) / without.P(0.5))}× / {Report.F(with.P(0.99) / without.P(0.99))}×",
            $"{count} proposals each way, alternating, city plan (5 capabilities × 2 units…) at Huozhou: the cost of {costs.Count} capabilities over the seed's hazard sites and seats vs Readiness:CostOfDispatch off");
    }

    private static async Task ProvinceAsync(BenchApp app, NpgsqlDataSource raw, Report report, ScaleSpec spec, int count, Action<string> say)
    {
        var random = new Random(15);
        var demand = Enumerable.Range(0, 50_000).Select(i =>
        {
            var distanceKm = spec.RadiusKm * Math.Sqrt(random.NextDouble());
            var angle = random.NextDouble() * 2 * Math.PI;
            var at = new GeoPoint(spec.Center.Lat + (distanceKm * Math.Sin(angle) / 111.32),
                spec.Center.Lon + (distanceKm * Math.Cos(angle) / (111.32 * Math.Cos(spec.Center.Lat * Math.PI / 180))));
            return new DemandPoint(string.Create(CultureInfo.InvariantCulture, $"d{i}"), "", DemandKind.Given, at, 1 + random.Next(4));
        }).ToList();
        var eta = app.Services.GetRequiredService<EtaModel>();
        var service = new Samples();
        CoverageAnswer? answer = null;
        for (var i = 0; i < count + 1; i++)
        {
            using var scope = app.Services.CreateScope();
            var calculator = scope.ServiceProvider.GetRequiredService<CoverageCalculator>();
            async Task<CoverageAnswer> Once() => (await calculator.ComputeAsync([new CoverageAsk(Capability, Within, 2 * Within)], demand, [], CancellationToken.None))[0].Before;
            answer = i == 0 ? await Once() : await service.TimeAsync(Once);
        }

        var direct = new Samples();
        var rows = 0;
        for (var i = 0; i < count + 1; i++)
        {
            rows = i == 0 ? await RawAsync(raw, eta, demand) : await direct.TimeAsync(() => RawAsync(raw, eta, demand));
        }

        var units = await CountAsync(raw);
        say($"coverage province: {Report.F(answer!.CoveredWeightShare * 100)}% of weight, service p50 {Report.F(service.P(0.5))} ms, raw p50 {Report.F(direct.P(0.5))} ms");
        report.Add("coverage province", $"p50 {Report.F(service.P(0.5), "N0")} ms, max {Report.F(service.P(1), "N0")} ms",
            $"p50 {Report.F(direct.P(0.5), "N0")} ms, max {Report.F(direct.P(1), "N0")} ms",
            $"{Report.F(service.P(0.5) / direct.P(0.5), "N2")}×",
            $"{Capability} within {Within} s, {demand.Count:N0} demand points over {units:N0} units ({Report.F(answer.CoveredWeightShare * 100)}% of weight covered), {count} runs, in process: the service's calculation (eligible units copied under a planar quad tree, one nearest-first walk of 16 per cell of about 4 points, the units that can be a point's two soonest measured on the ellipsoid, the few points not settled walked again alone) vs the raw single query taking the 8 nearest from unit_locations unchecked ({rows:N0} rows)");
    }

    /// <summary>
    /// The same question in one SQL statement, written as one would by hand: for each demand point, the 8 nearest
    /// AVAILABLE, fresh units with the capability within reach (a nearest-first GiST scan on unit_locations, <c>&lt;-&gt;</c>),
    /// measured on the ellipsoid, the two soonest by the ETA model. It does not check that 8 were enough (the service
    /// does, and asks again where not), so it may differ from the service's answer at a point or two.
    /// </summary>
    private static async Task<int> RawAsync(NpgsqlDataSource raw, EtaModel eta, IReadOnlyList<DemandPoint> demand)
    {
        var kinds = Enum.GetValues<UnitKind>();
        var turnout = string.Join(" ", kinds.Select(k => string.Create(CultureInfo.InvariantCulture, $"when '{k}' then {eta.UnitTravel(k).TurnoutSeconds}")));
        var speed = string.Join(" ", kinds.Select(k => string.Create(CultureInfo.InvariantCulture, $"when '{k}' then {eta.UnitTravel(k).SpeedKmh / 3.6}")));
        var sql = $"""
            select d.i, b.id, b.eta from unnest(@lons::float8[], @lats::float8[]) with ordinality d(lon, lat, i)
            cross join lateral (
              select n.id, (case n.kind {turnout} end) + ST_Distance(n.location, ST_SetSRID(ST_MakePoint(d.lon, d.lat), 4326)::geography) * @detour / (case n.kind {speed} end) as eta
              from (select u.id, u.kind, u.location from {UnitLocationsTable.Name} u
                    where ST_DWithin(u.location, ST_SetSRID(ST_MakePoint(d.lon, d.lat), 4326)::geography, @reach)
                      and u.status = 'Available' and (u.position_at is null or u.position_at >= now() - interval '30 minutes') and 'mine-rescue' = any(u.capabilities)
                    order by u.location <-> ST_SetSRID(ST_MakePoint(d.lon, d.lat), 4326)::geography limit 8) n
              order by 2 limit 2) b
            """;
        await using var command = raw.CreateCommand(sql);
        command.Parameters.AddWithValue("lons", demand.Select(d => d.Location.Lon).ToArray());
        command.Parameters.AddWithValue("lats", demand.Select(d => d.Location.Lat).ToArray());
        command.Parameters.AddWithValue("detour", eta.DetourFactor);
        command.Parameters.AddWithValue("reach", eta.UnitReachMeters(2 * Within) * 1.01);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = 0;
        while (await reader.ReadAsync())
        {
            rows++;
        }

        return rows;
    }

    private static async Task<long> CountAsync(NpgsqlDataSource raw)
    {
        await using var command = raw.CreateCommand($"select count(*) from {UnitLocationsTable.Name}");
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private static string SeedFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "seed-data");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("seed-data not found above " + AppContext.BaseDirectory);
    }
}
