using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Muster.Benchmarks;

/// <summary>
/// One kind of request under load: the latency of each one answered, and each one that failed, which is an HTTP
/// failure, a GraphQL error, or a payload's <c>errors</c> (any of them counts; a row shows how many).
/// </summary>
public sealed class Operation(string name)
{
    private long _errors;
    private int _errorsShown;

    public string Name => name;

    public Samples Samples { get; } = new();

    public long Errors => Interlocked.Read(ref _errors);

    /// <summary>Runs once and never throws; <paramref name="refusal"/> reads the answer and says what went wrong, or null.</summary>
    public async Task RunAsync<T>(Func<Task<T>> once, Func<T, string?> refusal)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            var answer = await once();
            var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            if (refusal(answer) is { } wrong)
            {
                Fail(wrong);
            }
            else
            {
                Samples.Add(elapsed);
            }
        }
        catch (Exception e) when (e is HttpRequestException or InvalidOperationException or TaskCanceledException or System.Text.Json.JsonException)
        {
            Fail(e.Message);
        }
    }

    /// <summary>A mutation's payload refused unless its <c>errors</c> is empty and it holds <paramref name="field"/>.</summary>
    public static Func<JsonNode, string?> Payload(string mutation, string field) => data =>
        data[mutation] is { } payload && payload["errors"] is JsonArray { Count: 0 } && payload[field] is not null
            ? null
            : $"{mutation}: {data.ToJsonString()}";

    private void Fail(string what)
    {
        Interlocked.Increment(ref _errors);
        if (Interlocked.Increment(ref _errorsShown) <= 3)
        {
            Console.Error.WriteLine($"  {name} failed: {(what.Length > 400 ? what[..400] + "…" : what)}");
        }
    }
}
