using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Muster.Api.Auth;
using Muster.Scale;
using Muster.Spatial;
using Npgsql;

// Measures the service side by side with baselines on one machine and prints a Markdown table.
// dotnet run -c Release --project tests/Muster.Benchmarks -- [--quick] [--keep] [--database NAME --rebuild-only] [--province-only] [--coverage-only] [--nearest-only] [--allocation-only] [--standby-only] [--disaster-day [--minutes N]]
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
        var reused = Array.IndexOf(args, "--database") is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : null;
        var keep = args.Contains("--keep") || reused is not null;
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
        var database = reused is null ? await BenchDatabase.CreateAsync() : BenchDatabase.Existing(reused);
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

            if (reused is not null && args.Contains("--rebuild-only"))
            {
                await RebuildRows.RunAsync(database.ConnectionString, store, raw, report, Say);
                Console.Write(report.Markdown());
                return;
            }

            if (reused is not null && args.Contains("--propose-only"))
            {
                // A province kept by --province-only --keep: its proposals and their raw queries, as often as wanted.
                // Twice: right after the service started (.NET still compiling hot methods again, optimised, in the
                // background) and once more after that.
                var kept = await ReportIncidentAsync(client, province);
                var (p50, p99, n) = (0.0, 0.0, 0);
                foreach (var round in new[] { "first", "second" })
                {
                    (p50, p99, n, _, var collections) = await ProposeAsync(client, kept, quick ? 200 : 300);
                    report.Add($"proposeDispatch province, {round} {n}", $"p50 {Report.F(p50)} ms, p99 {Report.F(p99)} ms", "", $"{Report.F(p99 / p50)}× p99/p50",
                        $"{n} proposals in {reused}; {collections}");
                }

                await ProposalRawQueries.AddAsync(raw, report, "province", kept, IncidentSite(province), p50, p99, n);
                Console.Write(report.Markdown());
                return;
            }

            if (args.Contains("--nearest-only"))
            {
                await NearestRows.GenerateAndRunAsync(app, client, generator, raw, report, quick ? 300 : 1_000, WarmUp * 5, Say);
                Console.Write(report.Markdown());
                return;
            }

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

            async Task GenerateProvinceAsync()
            {
                var made = await generator.GenerateAsync(province, Progress, CancellationToken.None);
                Say($"generated {province.Name}: {made.Events:N0} events in {made.Elapsed.TotalSeconds:N1} s ({made.EventsPerSecond:N0} events/s)");
                await CheckCensusAsync(raw, province, "city + " + province.Name);
                await BenchDatabase.SettleAsync(raw);
                report.Add("generate province", $"{Report.F(made.EventsPerSecond, "N0")} events/s", "", "",
                    $"{province.Name}: {province.Units:N0} units, {province.Depots:N0} depots × {province.ItemsPerDepot} items, {province.Experts:N0} expert teams: {made.Events:N0} events in {Report.F(made.Elapsed.TotalSeconds)} s");
            }

            if (args.Contains("--province-only"))
            {
                await GenerateProvinceAsync();
                var site = await ReportIncidentAsync(client, province);
                await ProposeAsync(client, site, 1); // defines the plan
                await ServiceMemoryRows.RunAsync(database.ConnectionString, token, province, site, report, TimeSpan.FromSeconds(quick ? 20 : 60), Say);
                await RebuildRows.RunAsync(database.ConnectionString, store, raw, report, Say);
                Console.Write(report.Markdown());
                return;
            }

            if (args.Contains("--memory-only"))
            {
                var site = await ReportIncidentAsync(client, city);
                await ProposeAsync(client, site, 1); // defines the plan
                await ServiceMemoryRows.RunAsync(database.ConnectionString, token, city, site, report, TimeSpan.FromSeconds(20), Say);
                Console.Write(report.Markdown());
                return;
            }

            if (args.Contains("--rebuild-only"))
            {
                await RebuildRows.RunAsync(database.ConnectionString, store, raw, report, Say);
                Console.Write(report.Markdown());
                return;
            }

            if (args.Contains("--propose-tail"))
            {
                await ProposeTailAsync(client, raw, await ReportIncidentAsync(client, city), report, Say);
                Console.Write(report.Markdown());
                return;
            }

            if (args.Contains("--disaster-day"))
            {
                await BenchDatabase.SettleAsync(raw);
                var first = await ReportIncidentAsync(client, city);
                await ProposeAsync(client, first, 1); // defines the plan every proposal of the day follows
                await DisasterDayRows.RunAsync(database.ConnectionString, token, city, first, report, DisasterDayRows.Duration(args, quick), quick, Say);
                Console.Write(report.Markdown());
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

            // Measured after the bulk load has settled, as autovacuum would leave it: right after it, proposals are 22%
            // slower and their tail twice as long (--propose-tail).
            await BenchDatabase.SettleAsync(raw);
            if (args.Contains("--allocation-only"))
            {
                // Over the city's stock, as in the full run: over an empty store the candidates' read was 6× cheaper.
                await AllocationRows.RunAsync(app, client, raw, report, quick ? 1_500 : 5_000, duration, Say);
                Console.Write(report.Markdown());
                return;
            }

            var incident = await ReportIncidentAsync(client, city);
            var (cityP50, cityP99, cityN, _, cityCollections) = await ProposeAsync(client, incident, quick ? 200 : 300);
            report.Add("proposeDispatch city", $"p50 {Report.F(cityP50)} ms, p99 {Report.F(cityP99)} ms", "", "",
                $"{cityN} proposals following the plan for a level II mine gas explosion: 5 capabilities × 2 units, 10 items × 50, 3 specialties × 1; {cityCollections}");
            await ProposalRawQueries.AddAsync(raw, report, "city", incident, IncidentSite(city), cityP50, cityP99, cityN);
            if (args.Contains("--propose-only"))
            {
                Console.Write(report.Markdown());
                return;
            }


            await AllocationRows.RunAsync(app, client, raw, report, quick ? 1_500 : 5_000, duration, Say);
            await TrivialAsync(client, report, duration);

            // --- the province -----------------------------------------------------------------------------
            await GenerateProvinceAsync();
            await BenchDatabase.SettleAsync(raw); // as for the city: the province's proposals after its bulk load has settled
            await NearestRows.RunAsync(app, client, raw, report, province, quick ? 200 : 1_000, WarmUp * 5);
            incident = await ReportIncidentAsync(client, province);
            var (provinceP50, provinceP99, provinceN, _, provinceCollections) = await ProposeAsync(client, incident, quick ? 200 : 300);
            report.Add("proposeDispatch province", $"p50 {Report.F(provinceP50)} ms, p99 {Report.F(provinceP99)} ms", "", "",
                $"{provinceN} proposals over city + {province.Name}; same plan as the city's; {provinceCollections}");

            await ServiceMemoryRows.RunAsync(database.ConnectionString, token, province, incident, report, TimeSpan.FromSeconds(quick ? 20 : 60), Say);
            await RebuildRows.RunAsync(database.ConnectionString, store, raw, report, Say);
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
                """, new { lat = IncidentSite(spec).Lat, lon = IncidentSite(spec).Lon });
            return data["reportIncident"]!["incident"]?["id"]?.GetValue<string>()
                ?? throw new InvalidOperationException($"no incident: {data.ToJsonString()}");
        }

        static GeoPoint IncidentSite(ScaleSpec spec) => new(spec.Center.Lat + 0.01, spec.Center.Lon + 0.01);

        static async Task<(double P50, double P99, int N, Samples Samples, string Collections)> ProposeAsync(GraphQLClient client, string incident, int count)
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

            const string query = DisasterDay.Propose;
            var samples = new Samples();
            var timed = new List<(double Ms, double PauseMs, int Collections, long Started)>();
            JsonNode? last = null;
            for (var i = 0; i < count + WarmUp; i++)
            {
                // The service runs in this process: a garbage collection during a proposal is seen here.
                var pausedBefore = GC.GetTotalPauseDuration();
                var collectionsBefore = GC.CollectionCount(0);
                var started = Stopwatch.GetTimestamp();
                var data = await client.PostAsync(query, new { incident });
                if (i >= WarmUp)
                {
                    var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                    samples.Add(ms);
                    timed.Add((ms, (GC.GetTotalPauseDuration() - pausedBefore).TotalMilliseconds, GC.CollectionCount(0) - collectionsBefore, started));
                }

                last = data["proposeDispatch"];
                if (last?["proposal"] is null)
                {
                    throw new InvalidOperationException($"no proposal: {last?.ToJsonString()}");
                }
            }

            Console.Error.WriteLine($"  last proposal: {last!["proposal"]!["units"]!.AsArray().Count} units, " +
                $"{last["proposal"]!["supplies"]!.AsArray().Count} supplies, {last["proposal"]!["experts"]!.AsArray().Count} experts");
            var slowest = timed.OrderByDescending(p => p.Ms).Take(Math.Max(3, count / 100 + 1));
            var collections = $"{timed.Count(p => p.Collections > 0)} of {count} saw a garbage collection; the slowest: " +
                string.Join(", ", slowest.Select(p => $"{p.Ms:N1} ms ({p.Collections} GC, {p.PauseMs:N1} ms paused)"));
            Console.Error.WriteLine($"  {collections}");
            // When each began on the monotonic clock, in seconds: `perf record -k CLOCK_MONOTONIC`, then `perf report --time`.
            Console.Error.WriteLine("  the slowest began at " + string.Join(", ", slowest.Select(p => $"{(double)p.Started / Stopwatch.Frequency:F6}")));
            return (samples.P(0.5), samples.P(0.99), count, samples, collections);
        }

        // Where the city's proposal tail comes from (#17, aim 3): right after the city is generated, and again after the
        // generator's tables are vacuumed and analyzed and a checkpoint is taken, 300 proposals each.
        static async Task ProposeTailAsync(GraphQLClient client, NpgsqlDataSource raw, string incident, Report report, Action<string> say)
        {
            foreach (var when in new[] { "right after generating", "after VACUUM ANALYZE and CHECKPOINT" })
            {
                if (when.StartsWith("after", StringComparison.Ordinal))
                {
                    await BenchDatabase.SettleAsync(raw);
                }

                var (p50, p99, n, samples, _) = await ProposeAsync(client, incident, 300);
                say($"proposeDispatch city {when}: p50 {p50:N1} ms, p90 {samples.P(0.9):N1}, p99 {p99:N1}, max {samples.P(1):N1}");
                report.Add($"proposeDispatch city, {when}", $"p50 {Report.F(p50)} ms, p90 {Report.F(samples.P(0.9))} ms, p99 {Report.F(p99)} ms, max {Report.F(samples.P(1))} ms",
                    "", $"{Report.F(p99 / p50)}× p99/p50", $"{n} proposals after 40 untimed");
            }
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
