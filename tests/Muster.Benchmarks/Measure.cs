using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Muster.Benchmarks;

/// <summary>Latency samples and their percentiles, in milliseconds; clients running side by side may add to one.</summary>
public sealed class Samples
{
    private readonly List<double> _ms = [];

    public int Count
    {
        get
        {
            lock (_ms)
            {
                return _ms.Count;
            }
        }
    }

    public async Task<T> TimeAsync<T>(Func<Task<T>> action)
    {
        var start = Stopwatch.GetTimestamp();
        var result = await action();
        Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        return result;
    }

    public void Add(double ms)
    {
        lock (_ms)
        {
            _ms.Add(ms);
        }
    }

    public double P(double percentile)
    {
        List<double> sorted;
        lock (_ms)
        {
            sorted = _ms.Order().ToList();
        }

        return sorted.Count == 0 ? double.NaN : sorted[(int)Math.Round(percentile * (sorted.Count - 1))];
    }
}

/// <summary>How many operations the clients finished in a time, run side by side.</summary>
public static class Throughput
{
    public static async Task<(long Count, TimeSpan Elapsed)> RunAsync(int clients, TimeSpan duration, Func<int, CancellationToken, Task<bool>> once)
    {
        long count = 0;
        using var stop = new CancellationTokenSource(duration);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                if (!await once(client, CancellationToken.None))
                {
                    return;
                }

                Interlocked.Increment(ref count);
            }
        })));
        return (count, clock.Elapsed);
    }
}

/// <summary>A GraphQL client over real HTTP with a bearer token.</summary>
public sealed class GraphQLClient(HttpClient http, string token)
{
    public HttpClient Http => http;

    public string Token => token;

    public async Task<JsonNode> PostAsync(string query, object? variables = null)
    {
        using var request = Request("/graphql", JsonSerializer.Serialize(new { query, variables }));
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var json = JsonNode.Parse(text) ?? throw new InvalidOperationException($"no JSON: {text}");
        if (json["errors"] is JsonArray { Count: > 0 })
        {
            throw new InvalidOperationException($"GraphQL errors: {text}");
        }

        return json["data"]!;
    }

    /// <summary>GETs a path with the token (a map tile, an OGC page); fails unless the answer is 2xx.</summary>
    public async Task<byte[]> GetRawAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>POSTs a body and reads the answer as bytes; for the throughput rows, where parsing would be the client's cost.</summary>
    public async Task<byte[]> PostRawAsync(string path, string body)
    {
        using var request = Request(path, body);
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsByteArrayAsync();
    }

    private HttpRequestMessage Request(string path, string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Accept.ParseAdd("application/json");
        return request;
    }
}

/// <summary>The Markdown table the run prints.</summary>
public sealed class Report
{
    private readonly List<string[]> _rows = [];

    public void Add(string name, string measure, string baseline, string ratio, string notes) =>
        _rows.Add([name, measure, baseline, ratio, notes]);

    public static string F(double value, string format = "N1") => value.ToString(format, CultureInfo.InvariantCulture);

    public string Markdown()
    {
        var text = new StringBuilder();
        text.AppendLine("| row | Muster | baseline | ratio | notes |");
        text.AppendLine("|---|---|---|---|---|");
        foreach (var row in _rows)
        {
            text.AppendLine("| " + string.Join(" | ", row) + " |");
        }

        return text.ToString();
    }
}
