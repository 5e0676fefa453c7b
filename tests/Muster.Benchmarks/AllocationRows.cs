using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Muster.Api.Auth;
using Npgsql;

namespace Muster.Benchmarks;

/// <summary>
/// Contended allocation: 32 clients allocate pre-made requests of 25 from 100 stock lines of 250 (one item nobody else
/// stocks, 100 shared depots close together, every request delivered near them, so all race for the same nearest
/// lines), through one service instance and through two instances on the same database (clients split between them).
/// Checked afterwards: no line reserved past its stock, and what the requests say they hold equals what the lines say is
/// reserved. Baseline: 16 clients inserting single rows in a loop, each its own statement and commit.
/// </summary>
public static class AllocationRows
{
    private const int Lines = 100;
    private const int PerLine = 250;
    private const int PerRequest = 25;
    private const int Clients = 32;

    public static async Task RunAsync(BenchApp app, GraphQLClient client, NpgsqlDataSource raw, Report report, int requests, TimeSpan duration, Action<string> say)
    {
        await using var second = new BenchApp(app.ConnectionString);
        second.StartServer();
        using var secondHttp = new HttpClient { BaseAddress = second.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
        var secondClient = new GraphQLClient(secondHttp, second.Services.GetRequiredService<TokenIssuer>().Issue("bench", "admin", null, TimeSpan.FromHours(4)));

        // Untimed first, on an item of its own, through both instances, as many as the timed runs: with 600, the JIT was
        // still compiling ~900 methods a second into the timed run, its thread on a fifth to a third of the CPU.
        await ScenarioAsync([client, secondClient], raw, "3110109", requests, say);
        var one = await ScenarioAsync([client], raw, "3110101", requests, say);
        var two = await ScenarioAsync([client, secondClient], raw, "3110102", requests, say);
        say($"allocation: one instance {one.PerSecond:N0}/s, two instances {two.PerSecond:N0}/s");

        await using (var create = raw.CreateCommand("create table if not exists bench_rows (id bigserial primary key, client int not null, at timestamptz not null default now())"))
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
        var insertsPerSecond = inserts / insertElapsed.TotalSeconds;
        foreach (var (name, outcome) in new[] { ("allocation", one), ("allocation, two instances", two) })
        {
            report.Add(name, $"{Report.F(outcome.PerSecond)} allocations/s, over-allocations {outcome.Over}",
                $"{Report.F(insertsPerSecond, "N0")} inserts/s", $"{Report.F(outcome.PerSecond / insertsPerSecond, "N3")}",
                $"{Clients} clients{(name.Contains("two", StringComparison.Ordinal) ? " split over two service instances on one database" : "")}, {outcome.Count:N0} requests of {PerRequest} "
                + $"from {Lines} lines of {PerLine} ({outcome.Allocated:N0} reserved of {outcome.OnHand:N0}; {outcome.Errors} answered with an error); baseline: 16 clients, single-row insert loop");
        }
    }

    private sealed record Outcome(long Count, double PerSecond, long Over, long Allocated, long OnHand, int Errors);

    private static async Task<Outcome> ScenarioAsync(IReadOnlyList<GraphQLClient> clients, NpgsqlDataSource raw, string item, int requests, Action<string> say)
    {
        var client = clients[0];
        await client.PostAsync("""
            mutation($code: String!) { defineItem(input: { code: $code, name: "benchmark sandbags", unit: "bag", packSize: 1 }) { errors { code message } } }
            """, new { code = item });
        var agency = (await client.PostAsync("""
            mutation($name: String!) { registerAgency(input: { name: $name, kind: OTHER }) { agency { id } errors { code message } } }
            """, new { name = "benchmark logistics " + item }))["registerAgency"]!["agency"]!["id"]!.GetValue<string>();
        // 100 depots far from the generated area, each with one stock line of an item nobody else stocks.
        for (var d = 0; d < Lines; d++)
        {
            var depot = (await client.PostAsync("""
                mutation($name: String!, $agency: ID!, $lat: Float!, $lon: Float!) {
                  registerDepot(input: { name: $name, agencyId: $agency, location: { lat: $lat, lon: $lon }, shared: true }) { depot { id } errors { code message } }
                }
                """, new { name = $"benchmark depot {item} {d:D3}", agency, lat = 40.0 + (d / 10 * 0.01), lon = 116.0 + (d % 10 * 0.01) }))["registerDepot"]!["depot"]!["id"]!.GetValue<string>();
            await client.PostAsync("""
                mutation($depot: ID!, $code: String!, $quantity: Int!) { receiveStock(input: { depotId: $depot, itemCode: $code, quantity: $quantity, lot: "B1" }) { errors { code message } } }
                """, new { depot, code = item, quantity = PerLine });
        }

        var ids = new ConcurrentQueue<string>();
        await Task.WhenAll(Enumerable.Range(0, 8).Select(c => Task.Run(async () =>
        {
            for (var r = c; r < requests; r += 8)
            {
                var data = await client.PostAsync("""
                    mutation($code: String!, $quantity: Int!, $lat: Float!, $lon: Float!) {
                      requestSupplies(input: { lines: [{ itemCode: $code, quantity: $quantity }], deliverTo: { lat: $lat, lon: $lon } }) { request { id } errors { code message } }
                    }
                    """, new { code = item, quantity = PerRequest, lat = 40.05 + (r % 7 * 0.001), lon = 116.05 });
                ids.Enqueue(data["requestSupplies"]!["request"]!["id"]!.GetValue<string>());
            }
        })));

        const string allocate = """{"query":"mutation($id: ID!) { allocateSupplyRequest(input: { requestId: $id }) { request { status } errors { code } } }","variables":{"id":"ID"}}""";
        var errors = 0;
        // Marks the timed part, for a profiler recording the whole run (perf record -k CLOCK_REALTIME, then --time).
        say($"allocating {requests:N0} requests of item {item} through {clients.Count} instance(s), from {DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0:F3}");
        var (count, elapsed) = await Throughput.RunAsync(Clients, TimeSpan.FromMinutes(10), async (c, _) =>
        {
            if (!ids.TryDequeue(out var id))
            {
                return false;
            }

            var answer = Encoding.UTF8.GetString(await clients[c % clients.Count].PostRawAsync("/graphql", allocate.Replace("\"ID\"", $"\"{id}\"", StringComparison.Ordinal)));
            if (answer.Contains("\"errors\":[{", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref errors);
            }

            return true;
        });
        say($"allocated item {item} until {DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0:F3}");

        // Over-allocation: a line with more reserved than on hand, or reservations that the requests do not account for.
        await using var check = raw.CreateCommand($"""
            select count(*) filter (where reserved > on_hand), coalesce(sum(reserved), 0), coalesce(sum(on_hand), 0)
            from {Muster.Supplies.Levels.StockLevelsTable.Name} where item_code = @item
            """);
        check.Parameters.AddWithValue("item", item);
        await using var reader = await check.ExecuteReaderAsync();
        await reader.ReadAsync();
        var (overLines, reserved, onHand) = (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
        await reader.DisposeAsync();
        await using var sumRequests = raw.CreateCommand("""
            select coalesce(sum((a->>'Quantity')::int), 0) from muster.mt_doc_supplyrequest r, jsonb_array_elements(r.data->'Allocations') a
            where a->>'ItemCode' = @item
            """);
        sumRequests.Parameters.AddWithValue("item", item);
        var allocated = Convert.ToInt64(await sumRequests.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        var over = overLines + Math.Max(0, reserved - onHand) + Math.Abs(allocated - reserved);
        return new Outcome(count, count / elapsed.TotalSeconds, over, allocated, onHand, errors);
    }
}
