using System.Diagnostics;
using Muster.Scale;

namespace Muster.Benchmarks;

/// <summary>
/// The service's memory alone (#17, aim 4): the service in its own process over the generated data, under the reads and
/// proposals of a busy hour (nearest units, a list page, proposals), its resident memory sampled each second.
/// </summary>
public static class ServiceMemoryRows
{
    private const int Clients = 8;

    public static async Task RunAsync(string connectionString, string token, ScaleSpec spec, string incident, Report report, TimeSpan duration, Action<string> say)
    {
        await using var service = await ServiceProcess.StartAsync(connectionString);
        using var http = new HttpClient { BaseAddress = service.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
        var client = new GraphQLClient(http, token);
        var started = service.MemoryMegabytes().Now;
        var cold = Stopwatch.StartNew();
        await client.PostAsync(DisasterDay.Propose, new { incident });
        var firstProposal = cold.Elapsed;
        say($"service alone: ready after {service.ReadyAfter.TotalSeconds:N1} s at {started} MB; its first proposal took {firstProposal.TotalMilliseconds:N0} ms");

        var memory = new MemoryWatch(TimeSpan.FromSeconds(1), service.Resident);
        var (operations, elapsed) = await Throughput.RunAsync(Clients, duration, async (c, ct) =>
        {
            var point = new { lat = spec.Center.Lat + ((Random.Shared.Next(1000) - 500) / 5000.0), lon = spec.Center.Lon + ((Random.Shared.Next(1000) - 500) / 5000.0) };
            var answer = (c % 4) switch
            {
                0 => await client.PostAsync(DisasterDay.Propose, new { incident }),
                1 => await client.PostAsync(StandbyRows.List),
                _ => await client.PostAsync(StandbyRows.Map, point),
            };
            return answer is not null;
        });
        await memory.DisposeAsync();

        var (now, peak) = service.MemoryMegabytes();
        var firstHalf = memory.HighestWorkingSetMb(TimeSpan.Zero, duration / 2);
        var secondHalf = memory.HighestWorkingSetMb(duration / 2, TimeSpan.MaxValue);
        report.Add("service alone, memory", $"peak {peak:N0} MB, at the end {now:N0} MB", "", "",
            $"Muster.Api in its own process over {spec.Name}'s data: {Clients} clients for {duration.TotalSeconds:N0} s " +
            $"({operations / elapsed.TotalSeconds:N0} operations/s: proposals, a units page, nearest units); ready {service.ReadyAfter.TotalSeconds:N1} s after starting, " +
            $"its first proposal {firstProposal.TotalMilliseconds:N0} ms; resident memory: {started:N0} MB ready, " +
            $"highest sample {firstHalf:N0} MB in the first half, {secondHalf:N0} MB in the second");
    }
}
