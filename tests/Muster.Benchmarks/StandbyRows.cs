using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Muster.Api.Auth;
using Npgsql;

namespace Muster.Benchmarks;

/// <summary>
/// Read throughput with and without the standby (<c>ConnectionStrings__MusterReads</c>, from
/// <c>muster_db_standby_ensure</c>), with one and with two service instances over the same database: a list
/// (<c>units</c>, a page of 50) and a map query (<c>nearestUnits</c>, k = 10 around points of the city), several
/// clients spread over the instances. Runs over the generated city.
/// </summary>
public static class StandbyRows
{
    private const int Clients = 16;

    public const string List = "{ units(first: 50, status: AVAILABLE) { edges { node { id name status location { lat lon } } } } }";

    public const string Map = "query($lat: Float!, $lon: Float!) { nearestUnits(near: { lat: $lat, lon: $lon }, capability: \"fire-suppression\", first: 10) { unit { id name location { lat lon } } distanceMeters etaSeconds } }";

    public static async Task RunAsync(BenchDatabase database, Report report, TimeSpan duration, Action<string> say)
    {
        var hosts = Environment.GetEnvironmentVariable("ConnectionStrings__MusterReads");
        if (string.IsNullOrEmpty(hosts))
        {
            report.Add("reads with a standby", "not measured", "", "", "no standby: run `muster_db_standby_ensure` (scripts/postgres.sh) first, which sets ConnectionStrings__MusterReads");
            return;
        }

        var reads = new NpgsqlConnectionStringBuilder(hosts) { Database = database.Name, MaxPoolSize = 100 }.ConnectionString;
        await CaughtUpAsync(database.ConnectionString, reads);
        say("standby caught up with the generated city");

        var rows = new List<(string Query, int Instances, bool Standby, double PerSecond)>();
        foreach (var instances in new[] { 1, 2 })
        {
            foreach (var standby in new[] { false, true })
            {
                var extra = standby ? new Dictionary<string, string?> { ["ConnectionStrings:MusterReads"] = reads } : null;
                var apps = Enumerable.Range(0, instances).Select(_ => new BenchApp(database.ConnectionString, extra)).ToList();
                try
                {
                    var clients = apps.Select(Client).ToList();
                    foreach (var (name, body) in new[] { ("units list", (Func<int, string>)(_ => Body(List, null))), ("nearestUnits", MapBody) })
                    {
                        // Untimed first: the hot paths compiled at full optimisation, the pools of both servers open.
                        await Throughput.RunAsync(Clients, duration / 2, (c, _) => OnceAsync(clients[c % instances], body(c)));
                        var counter = 0;
                        var (count, elapsed) = await Throughput.RunAsync(Clients, duration,
                            (c, _) => OnceAsync(clients[c % instances], body(Interlocked.Increment(ref counter))));
                        var perSecond = count / elapsed.TotalSeconds;
                        rows.Add((name, instances, standby, perSecond));
                        say($"{name}: {instances} instance(s), {(standby ? "standby" : "primary only")}: {perSecond:N0} requests/s");
                    }

                    foreach (var client in clients)
                    {
                        client.Http.Dispose();
                    }
                }
                finally
                {
                    foreach (var app in apps)
                    {
                        await app.DisposeAsync();
                    }
                }
            }
        }

        foreach (var query in new[] { "units list", "nearestUnits" })
        {
            var baseline = rows.Single(r => r.Query == query && r.Instances == 1 && !r.Standby).PerSecond;
            foreach (var row in rows.Where(r => r.Query == query))
            {
                report.Add($"{query} reads, {row.Instances} instance{(row.Instances > 1 ? "s" : "")}, {(row.Standby ? "with standby" : "primary only")}",
                    $"{Report.F(row.PerSecond, "N0")} requests/s", $"{Report.F(baseline, "N0")} requests/s", Report.F(row.PerSecond / baseline, "N2"),
                    $"{Clients} clients over HTTP spread over the instances; baseline: 1 instance, primary only, same run");
            }
        }
    }

    private static GraphQLClient Client(BenchApp app)
    {
        app.StartServer();
        var http = new HttpClient { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
        var token = app.Services.GetRequiredService<TokenIssuer>().Issue("bench", "admin", null, TimeSpan.FromHours(4));
        return new GraphQLClient(http, token);
    }

    /// <summary>Points spread over the generated city (Huozhou, around 36.57 N 111.72 E).</summary>
    private static string MapBody(int n) => Body(Map, new { lat = 36.45 + (n * 7 % 100 * 0.0025), lon = 111.60 + (n * 13 % 100 * 0.0025) });

    private static string Body(string query, object? variables) => JsonSerializer.Serialize(new { query, variables });

    private static async Task<bool> OnceAsync(GraphQLClient client, string body)
    {
        var answer = await client.PostRawAsync("/graphql", body);
        if (answer.AsSpan().IndexOf("\"errors\""u8) >= 0)
        {
            throw new InvalidOperationException("GraphQL errors: " + System.Text.Encoding.UTF8.GetString(answer));
        }

        return true;
    }

    private static async Task CaughtUpAsync(string primary, string reads)
    {
        string lsn;
        await using (var connection = new NpgsqlConnection(primary))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("select pg_current_wal_lsn()::text", connection);
            lsn = (string)(await command.ExecuteScalarAsync())!;
        }

        var standby = new NpgsqlConnectionStringBuilder(reads) { TargetSessionAttributes = "standby", Pooling = false, Database = "postgres" }.ConnectionString;
        for (var deadline = DateTime.UtcNow.AddMinutes(2); ;)
        {
            await using var connection = new NpgsqlConnection(standby);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"select pg_last_wal_replay_lsn() >= '{lsn}'::pg_lsn", connection);
            if ((bool)(await command.ExecuteScalarAsync())!)
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"the standby did not replay up to {lsn} within 2 minutes");
            }

            await Task.Delay(100);
        }
    }
}
