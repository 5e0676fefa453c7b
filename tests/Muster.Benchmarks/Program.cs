using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Muster.Api.Auth;
using Muster.Scale;
using Npgsql;

// Measures the service side by side with baselines on one machine and prints a Markdown table.
// dotnet run -c Release --project tests/Muster.Benchmarks -- [--quick] [--keep] [--coverage-only] [--standby-only]
namespace Muster.Benchmarks;

public static class BenchmarkProgram
{
    /// <summary>
    /// Requests sent and not timed before a latency row (five times as many for the cheap ones), and a throughput row
    /// runs once untimed: until .NET has compiled the hot paths at full optimisation (tiered JIT), the first seconds
    /// measure the compiler, not the service.
    /// </summary>
    private const int WarmUp = 40;

    public static async Task Main(string[] args)
    {
        var quick = args.Contains("--quick");
        var keep = args.Contains("--keep");
        var generateOnly = args.Contains("--generate-only");
        var duration = TimeSpan.FromSeconds(quick ? 5 : 15);
        var city = ScaleSpec.City();
        var province = quick ? ScaleSpec.Province().ScaledDown(20) with { ItemsPerDepot = 20 } : ScaleSpec.Province();
        if (quick)
        {
            city = city with { ItemsPerDepot = 40 };
        }

        void Say(string text) => Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] {text}");
        var lastProgress = Stopwatch.StartNew();
        void Progress(string text)
        {
            if (lastProgress.Elapsed > TimeSpan.FromSeconds(5))
            {
                Say("  " + text);
                lastProgress.Restart();
            }
        }

        var report = new Report();
        var database = await BenchDatabase.CreateAsync();
        Say($"database {database.Name}{(quick ? " (quick)" : "")}");
        try
        {
            await using var app = new BenchApp(database.ConnectionString);
            app.StartServer();
            using var http = new HttpClient { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
            http.DefaultRequestHeaders.ConnectionClose = false;
            var token = app.Services.GetRequiredService<TokenIssuer>().Issue("bench", "admin", null, TimeSpan.FromHours(4));
            var client = new GraphQLClient(http, token);
            var store = app.Services.GetRequiredService<IDocumentStore>();
            var generator = new ScaleGenerator(store, app.Services.GetRequiredService<NpgsqlDataSource>(), TimeProvider.System);
            await using var raw = NpgsqlDataSource.Create(database.ConnectionString);

            MoveUpRows.Add(report, quick, Say);
            if (args.Contains("--moveup-only"))
            {
                Console.Write(report.Markdown());
                return;
            }

            if (args.Contains("--trivial-only"))
            {
                await TrivialAsync(client, report, duration);
                Console.Write(report.Markdown());
                return;
            }

            // --- the city ---------------------------------------------------------------------------------
            var generated = await generator.GenerateAsync(city, Progress, CancellationToken.None);
            Say($"generated {city.Name}: {generated.Events:N0} events in {generated.Elapsed.TotalSeconds:N1} s ({generated.EventsPerSecond:N0} events/s)");
            await CheckCensusAsync(raw, city, city.Name);
            report.Add("generate city", $"{Report.F(generated.EventsPerSecond, "N0")} events/s", "", "",
                $"{city.Units:N0} units, {city.Depots:N0} depots × {city.ItemsPerDepot} items, {city.Experts:N0} expert teams: {generated.Events:N0} events in {Report.F(generated.Elapsed.TotalSeconds)} s");

            if (generateOnly)
            {
                return;
            }

            if (args.Contains("--standby-only"))
            {
                await StandbyRows.RunAsync(database, report, duration, Say);
                Console.Write(report.Markdown());
                return;
            }

            if (args.Contains("--coverage-only"))
            {
                await ProposeAsync(client, await ReportIncidentAsync(client, city), 1); // defines the plan the proposal rows follow
                await CoverageRows.RunAsync(app, client, raw, report, quick, Say);
                Console.Write(report.Markdown());
                return;
            }

            var incident = await ReportIncidentAsync(client, city);
            var (cityP50, cityP99, cityN) = await ProposeAsync(client, incident, quick ? 20 : 60);
            report.Add("proposeDispatch city", $"p50 {Report.F(cityP50)} ms, p99 {Report.F(cityP99)} ms", "", "",
                $"{cityN} proposals following the plan for a level II mine gas explosion: 5 capabilities × 2 units, 10 items × 50, 3 specialties × 1");

            await AllocationAsync(app, client, raw, report, quick ? 1_500 : 5_000, duration);
            await TrivialAsync(client, report, duration);

            // --- the province -----------------------------------------------------------------------------
            generated = await generator.GenerateAsync(province, Progress, CancellationToken.None);
            Say($"generated {province.Name}: {generated.Events:N0} events in {generated.Elapsed.TotalSeconds:N1} s ({generated.EventsPerSecond:N0} events/s)");
            var census = await CheckCensusAsync(raw, province, "city + " + province.Name);
            report.Add("generate province", $"{Report.F(generated.EventsPerSecond, "N0")} events/s", "", "",
                $"{province.Name}: {province.Units:N0} units, {province.Depots:N0} depots × {province.ItemsPerDepot} items, {province.Experts:N0} expert teams: {generated.Events:N0} events in {Report.F(generated.Elapsed.TotalSeconds)} s");

            await NearestAsync(client, raw, report, province, census.UnitLocations, quick ? 200 : 1_000);
            incident = await ReportIncidentAsync(client, province);
            var (provinceP50, provinceP99, provinceN) = await ProposeAsync(client, incident, quick ? 20 : 60);
            report.Add("proposeDispatch province", $"p50 {Report.F(provinceP50)} ms, p99 {Report.F(provinceP99)} ms", "", "",
                $"{provinceN} proposals over city + {province.Name}; same plan as the city's");

            await RebuildAsync(store, raw, report);
            await CoverageRows.RunAsync(app, client, raw, report, quick, Say);
            report.Add("server peak memory", $"{PeakMemory.PeakMegabytes:N0} MB", "", "",
                "peak working set of this process, which hosts the service, the generator and the clients");

            Console.WriteLine();
            Console.WriteLine($"Muster benchmarks{(quick ? " (--quick)" : "")}, {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}");
            Console.WriteLine();
            Console.Write(report.Markdown());
        }
        finally
        {
            if (keep)
            {
                Say($"kept database {database.Name}");
            }
            else
            {
                await database.DisposeAsync();
            }
        }

        async Task<Muster.Scale.ScaleCensus> CheckCensusAsync(NpgsqlDataSource raw, ScaleSpec spec, string what)
        {
            var census = await ScaleGenerator.CensusAsync(raw, CancellationToken.None);
            Say($"census after {what}: {census}");
            if (census.Units != census.UnitLocations || census.Depots != census.DepotLocations || census.Experts != census.ExpertLocations
                || census.StockLines != census.StockLevels)
            {
                throw new InvalidOperationException($"the read models disagree after generating {spec.Name}: {census}");
            }

            return census;
        }

        static async Task<string> ReportIncidentAsync(GraphQLClient client, ScaleSpec spec)
        {
            var data = await client.PostAsync("""
                mutation($lat: Float!, $lon: Float!) {
                  reportIncident(input: { kind: MINE_GAS_EXPLOSION, level: II, location: { lat: $lat, lon: $lon }, title: "benchmark incident" }) {
                    incident { id } errors { code message }
                  }
                }
                """, new { lat = spec.Center.Lat + 0.01, lon = spec.Center.Lon + 0.01 });
            return data["reportIncident"]!["incident"]?["id"]?.GetValue<string>()
                ?? throw new InvalidOperationException($"no incident: {data.ToJsonString()}");
        }

        static async Task<(double P50, double P99, int N)> ProposeAsync(GraphQLClient client, string incident, int count)
        {
            // The plan the incident's kind and level call for: 5 capabilities, 10 items, 3 specialties.
            var plan = await client.PostAsync("""
                query { plans(incidentKind: MINE_GAS_EXPLOSION, level: II) { id } }
                """);
            if (plan["plans"]!.AsArray().Count == 0)
            {
                var defined = await client.PostAsync("""
                    mutation($units: [UnitNeedInput!], $supplies: [SupplyNeedInput!], $experts: [ExpertNeedInput!]) {
                      definePlan(input: { incidentKind: MINE_GAS_EXPLOSION, level: II, units: $units, supplies: $supplies, experts: $experts }) {
                        errors { code message }
                      }
                    }
                    """, new
                {
                    units = ScaleGenerator.Capabilities.Take(5).Select(c => new { capability = c, count = 2 }).ToArray(),
                    supplies = SyntheticCatalog.Items(10).Select(i => new { itemCode = i.Code, quantity = 50 }).ToArray(),
                    experts = ScaleGenerator.Specialties.Take(3).Select(s => new { specialty = s, count = 1 }).ToArray(),
                });
                if (defined["definePlan"]!["errors"]!.AsArray().Count > 0)
                {
                    throw new InvalidOperationException($"no plan: {defined.ToJsonString()}");
                }
            }

            const string query = """
                mutation($incident: ID!) {
                  proposeDispatch(input: { incidentId: $incident }) {
                    proposal { id planId units { unit { id } } supplies { itemCode } experts { expert { id } } } errors { code message }
                  }
                }
                """;
        var samples = new Samples();
            JsonNode? last = null;
            for (var i = 0; i < count + WarmUp; i++)
            {
                var data = i < WarmUp
                    ? await client.PostAsync(query, new { incident })
                    : await samples.TimeAsync(() => client.PostAsync(query, new { incident }));
                last = data["proposeDispatch"];
                if (last?["proposal"] is null)
                {
                    throw new InvalidOperationException($"no proposal: {last?.ToJsonString()}");
                }
            }

            Console.Error.WriteLine($"  last proposal: {last!["proposal"]!["units"]!.AsArray().Count} units, " +
                $"{last["proposal"]!["supplies"]!.AsArray().Count} supplies, {last["proposal"]!["experts"]!.AsArray().Count} experts");
            return (samples.P(0.5), samples.P(0.99), count);
        }

        static async Task NearestAsync(GraphQLClient client, NpgsqlDataSource raw, Report report, ScaleSpec spec, long units, int count)
        {
            var random = new Random(42);
            var points = Enumerable.Range(0, count + (WarmUp * 5)).Select(_ => (
                Lat: spec.Center.Lat + ((random.NextDouble() - 0.5) * spec.RadiusKm / 111.32),
                Lon: spec.Center.Lon + ((random.NextDouble() - 0.5) * spec.RadiusKm / 90))).ToList();
            const string query = "query($lat: Float!, $lon: Float!) { nearestUnits(near: { lat: $lat, lon: $lon }, first: 10) { distanceMeters unit { id name } } }";
            var graph = new Samples();
            for (var i = 0; i < points.Count; i++)
            {
                var variables = new { lat = points[i].Lat, lon = points[i].Lon };
                var data = i < WarmUp * 5 ? await client.PostAsync(query, variables) : await graph.TimeAsync(() => client.PostAsync(query, variables));
                if (data["nearestUnits"]!.AsArray().Count != 10)
                {
                    throw new InvalidOperationException($"nearestUnits did not answer 10: {data.ToJsonString()}");
                }
            }

            var sql = $"select id, ST_Distance(location, q.p) from {Muster.Units.Locating.UnitLocationsTable.Name}, " +
                      "(select ST_SetSRID(ST_MakePoint(@lon, @lat), 4326)::geography as p) q order by location <-> q.p limit 10";
            var direct = new Samples();
            for (var i = 0; i < points.Count; i++)
            {
                var point = points[i];
                async Task<int> Once()
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

                    return n;
                }

                var rows = i < WarmUp * 5 ? await Once() : await direct.TimeAsync(Once);
                if (rows != 10)
                {
                    throw new InvalidOperationException("the raw KNN query did not return 10 rows");
                }
            }

            report.Add("nearestUnits", $"p50 {Report.F(graph.P(0.5), "N2")} ms, p99 {Report.F(graph.P(0.99), "N2")} ms",
                $"p50 {Report.F(direct.P(0.5), "N2")} ms, p99 {Report.F(direct.P(0.99), "N2")} ms",
                $"{Report.F(graph.P(0.5) / direct.P(0.5))}× / {Report.F(graph.P(0.99) / direct.P(0.99))}×",
                $"k = 10 over {units:N0} units, {count} points, one client; GraphQL over HTTP vs the raw KNN query (order by location <-> p limit 10) through Npgsql");
        }

        static async Task AllocationAsync(BenchApp app, GraphQLClient client, NpgsqlDataSource raw, Report report, int requests, TimeSpan duration)
        {
            const string item = "3110101";
            const int lines = 100;
            const int perLine = 250;
            const int perRequest = 25;
            await client.PostAsync("""
                mutation { defineItem(input: { code: "3110101", name: "benchmark sandbags", unit: "bag", packSize: 1 }) { errors { code message } } }
                """);
            var agency = (await client.PostAsync("""
                mutation { registerAgency(input: { name: "benchmark logistics", kind: OTHER }) { agency { id } errors { code message } } }
                """))["registerAgency"]!["agency"]!["id"]!.GetValue<string>();
            // 100 depots far from the generated area, each with one stock line of an item nobody else stocks.
            for (var d = 0; d < lines; d++)
            {
                var depot = (await client.PostAsync("""
                    mutation($name: String!, $agency: ID!, $lat: Float!, $lon: Float!) {
                      registerDepot(input: { name: $name, agencyId: $agency, location: { lat: $lat, lon: $lon }, shared: true }) { depot { id } errors { code message } }
                    }
                    """, new { name = $"benchmark depot {d:D3}", agency, lat = 40.0 + (d / 10 * 0.01), lon = 116.0 + (d % 10 * 0.01) }))["registerDepot"]!["depot"]!["id"]!.GetValue<string>();
                await client.PostAsync("""
                    mutation($depot: ID!) { receiveStock(input: { depotId: $depot, itemCode: "3110101", quantity: 250, lot: "B1" }) { errors { code message } } }
                    """, new { depot });
            }

            var ids = new System.Collections.Concurrent.ConcurrentQueue<string>();
            await Task.WhenAll(Enumerable.Range(0, 8).Select(c => Task.Run(async () =>
            {
                for (var r = c; r < requests; r += 8)
                {
                    var data = await client.PostAsync("""
                        mutation($lat: Float!, $lon: Float!) {
                          requestSupplies(input: { lines: [{ itemCode: "3110101", quantity: 25 }], deliverTo: { lat: $lat, lon: $lon } }) { request { id } errors { code message } }
                        }
                        """, new { lat = 40.05 + (r % 7 * 0.001), lon = 116.05 });
                    ids.Enqueue(data["requestSupplies"]!["request"]!["id"]!.GetValue<string>());
                }
            })));

            var allocate = """{"query":"mutation($id: ID!) { allocateSupplyRequest(input: { requestId: $id }) { request { status } errors { code } } }","variables":{"id":"ID"}}""";
            var conflicts = 0;
            var (count, elapsed) = await Throughput.RunAsync(32, TimeSpan.FromMinutes(10), async (_, _) =>
            {
                if (!ids.TryDequeue(out var id))
                {
                    return false;
                }

                var answer = System.Text.Encoding.UTF8.GetString(await client.PostRawAsync("/graphql", allocate.Replace("\"ID\"", $"\"{id}\"", StringComparison.Ordinal)));
                if (answer.Contains("\"errors\":[{", StringComparison.Ordinal))
                {
                    Interlocked.Increment(ref conflicts);
                }

                return true;
            });

            // Over-allocation: a line with more reserved than on hand, or reservations that the requests do not account for.
            await using var check = raw.CreateCommand($"""
                select count(*) filter (where reserved > on_hand), coalesce(sum(reserved), 0), coalesce(sum(on_hand), 0)
                from {Muster.Supplies.Levels.StockLevelsTable.Name} where item_code = '{item}'
                """);
            await using var reader = await check.ExecuteReaderAsync();
            await reader.ReadAsync();
            var (overLines, reserved, onHand) = (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
            await reader.DisposeAsync();
            await using var sumRequests = raw.CreateCommand("""
                select coalesce(sum((a->>'Quantity')::int), 0) from muster.mt_doc_supplyrequest r, jsonb_array_elements(r.data->'Allocations') a
                """);
            var allocated = Convert.ToInt64(await sumRequests.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
            var over = overLines + Math.Max(0, reserved - onHand) + Math.Abs(allocated - reserved);

            // The baseline: 16 clients inserting single rows in a loop, each its own statement and commit.
            await using (var create = raw.CreateCommand("create table bench_rows (id bigserial primary key, client int not null, at timestamptz not null default now())"))
            {
                await create.ExecuteNonQueryAsync();
            }

            var (inserts, insertElapsed) = await Throughput.RunAsync(16, duration, async (c, _) =>
            {
                await using var insert = raw.CreateCommand("insert into bench_rows (client) values (@c)");
                insert.Parameters.AddWithValue("c", c);
                await insert.ExecuteNonQueryAsync(CancellationToken.None);
                return true;
            });

            var perSecond = count / elapsed.TotalSeconds;
            var insertsPerSecond = inserts / insertElapsed.TotalSeconds;
            report.Add("allocation", $"{Report.F(perSecond)} allocations/s, over-allocations {over}",
                $"{Report.F(insertsPerSecond, "N0")} inserts/s", $"{Report.F(perSecond / insertsPerSecond, "N3")}",
                $"32 clients, {count:N0} requests of {perRequest} from {lines} lines of {perLine} ({allocated:N0} reserved of {onHand:N0}; {conflicts} answered with an error); baseline: 16 clients, single-row insert loop");
            _ = app;
        }

        static async Task TrivialAsync(GraphQLClient client, Report report, TimeSpan duration)
        {
            const string body = """{"query":"{ __typename }"}""";
            BenchApp.BareBody = await client.PostRawAsync("/graphql", body);
            foreach (var path in new[] { "/graphql", "/bare" })
            {
                await Throughput.RunAsync(16, duration, async (_, _) => (await client.PostRawAsync(path, body)).Length > 0);
            }

            var (graph, graphElapsed) = await Throughput.RunAsync(16, duration, async (_, _) =>
            {
                await client.PostRawAsync("/graphql", body);
                return true;
            });
            var (bare, bareElapsed) = await Throughput.RunAsync(16, duration, async (_, _) =>
            {
                await client.PostRawAsync("/bare", body);
                return true;
            });
            var graphRate = graph / graphElapsed.TotalSeconds;
            var bareRate = bare / bareElapsed.TotalSeconds;
            report.Add("trivial query", $"{Report.F(graphRate, "N0")} requests/s", $"{Report.F(bareRate, "N0")} requests/s",
                Report.F(graphRate / bareRate, "N3"),
                $"{{ __typename }} through /graphql vs a bare endpoint answering the same {BenchApp.BareBody.Length} bytes; 16 clients over HTTP/1.1");
        }

        static async Task RebuildAsync(IDocumentStore store, NpgsqlDataSource raw, Report report)
        {
            await using var countEvents = raw.CreateCommand("select count(*) from muster.mt_events");
            var events = Convert.ToInt64(await countEvents.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
            var names = ((StoreOptions)store.Options).Projections.All.Select(p => p.Name).ToList();
            using var daemon = await store.BuildProjectionDaemonAsync();
            var clock = Stopwatch.StartNew();
            foreach (var name in names)
            {
                await daemon.RebuildProjectionAsync(name, TimeSpan.FromHours(2), CancellationToken.None);
            }

            clock.Stop();
            report.Add("rebuild", $"{Report.F(events / clock.Elapsed.TotalSeconds, "N0")} events/s", "", "",
                $"all {names.Count} projections, one after another, over {events:N0} events in {Report.F(clock.Elapsed.TotalSeconds)} s");
        }
    }
}

/// <summary>Samples the process's working set; the peak the OS reports covers what sampling misses.</summary>
internal sealed class PeakMemory
{
    public static long PeakMegabytes
    {
        get
        {
            using var process = Process.GetCurrentProcess();
            return process.PeakWorkingSet64 / (1024 * 1024);
        }
    }
}
