using System.Globalization;
using Muster.Scale;

namespace Muster.Benchmarks;

/// <summary>
/// A disaster day at city size (#17, aim 6): every unit reports its position every 10 s, incidents and proposals every
/// few seconds, supply requests allocated as they come, the map's and the lists' reads, and consoles' subscriptions
/// open, all at once for the day's length; then a step up of AVL reports with proposals running, to find the highest
/// rate at which proposeDispatch's p99 stays under 100 ms.
/// </summary>
public static class DisasterDayRows
{
    private const double ProposalP99LimitMs = 100;

    /// <summary>How far the last window's mean working set may rise over the first's and still count as no growth.</summary>
    private const double MemoryMargin = 0.05;

    /// <summary>10 minutes, 1 with <c>--quick</c>; <c>--minutes N</c> says otherwise.</summary>
    public static TimeSpan Duration(string[] args, bool quick)
    {
        var at = Array.IndexOf(args, "--minutes");
        return at >= 0 && at + 1 < args.Length
            ? TimeSpan.FromMinutes(double.Parse(args[at + 1], CultureInfo.InvariantCulture))
            : TimeSpan.FromMinutes(quick ? 1 : 10);
    }

    /// <summary>The day runs against the service in its own process (<see cref="ServiceProcess"/>), so its memory is the
    /// service's alone, not the clients' and their sockets'.</summary>
    public static async Task RunAsync(string connectionString, string token, ScaleSpec city, string firstIncident, Report report,
        TimeSpan duration, bool quick, Action<string> say)
    {
        await using var service = await ServiceProcess.StartAsync(connectionString);
        using var http = new HttpClient { BaseAddress = service.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
        var day = new DisasterDay(new GraphQLClient(http, token), city, firstIncident);
        var load = DayLoad.Day(day.Units);
        var consoles = await OpenConsolesAsync(service.BaseAddress, token, city);
        try
        {
            var warmUp = TimeSpan.FromSeconds(quick ? 15 : 60);
            say($"disaster day: warming up for {warmUp.TotalSeconds:N0} s at the day's rates");
            await load.RunAsync(day, warmUp);

            day.StartMeasuring();
            var heard = consoles.Select(c => (c.Changes, c.Errors)).ToList();
            say($"disaster day: {duration.TotalMinutes:N1} min, {load.Positions:N0} AVL reports/s");
            var machine = MachineShare.Start(("the service", service.ProcessId), ("the clients", Environment.ProcessId));
            TimeSpan elapsed;
            var memory = new MemoryWatch(TimeSpan.FromSeconds(quick ? 5 : 10), service.Resident);
            var clients = new MemoryWatch(TimeSpan.FromSeconds(quick ? 5 : 10));
            await using (memory)
            await using (clients)
            {
                elapsed = await load.RunAsync(day, duration);
            }

            AddDayRows(report, day, load, elapsed, consoles, heard, duration, say);
            AddMemoryRows(report, memory, clients, duration, say);
            report.Add("day: machine", machine.Stop(), "", "",
                "CPU time of the service's process and of this one (every client) over the day's wall time; the load average counts PostgreSQL and whatever else the machine runs");
            await LagAsync(report, consoles, TimeSpan.FromSeconds(quick ? 5 : 10), say);
        }
        finally
        {
            // Closed before the step: the step measures AVL reports and proposals alone.
            foreach (var console in consoles)
            {
                await console.DisposeAsync();
            }
        }

        await StepAsync(day, report, TimeSpan.FromSeconds(quick ? 10 : 30), say);
    }

    private static void AddDayRows(Report report, DisasterDay day, DayLoad load, TimeSpan elapsed, IReadOnlyList<LiveSubscription> consoles,
        IReadOnlyList<(long Changes, long Errors)> heard, TimeSpan duration, Action<string> say)
    {
        var seconds = elapsed.TotalSeconds;
        foreach (var (operation, asked) in day.All.Zip(load.PerOperation))
        {
            var n = operation.Samples.Count;
            say($"  {operation.Name}: {n:N0} answered, p50 {operation.Samples.P(0.5):N1} ms, p99 {operation.Samples.P(0.99):N1} ms, max {operation.Samples.P(1):N1} ms, errors {operation.Errors}");
            report.Add($"day: {operation.Name}", $"p50 {Report.F(operation.Samples.P(0.5))} ms, p99 {Report.F(operation.Samples.P(0.99))} ms, errors {operation.Errors}", "", "",
                $"{n:N0} answered in {Report.F(seconds, "N0")} s ({Report.F(n / seconds, "N2")}/s; scheduled {Report.F(asked, "N2")}/s)");
        }

        var received = consoles.Select((c, i) => (c.Name, Changes: c.Changes - heard[i].Changes, Errors: c.Errors - heard[i].Errors)).ToList();
        var socketErrors = received.Sum(r => r.Errors);
        var reports = day.Positions.Samples.Count;
        report.Add("day: subscriptions", $"{received.Sum(r => r.Changes):N0} changes received, errors {socketErrors}", "", "",
            $"{consoles.Count} graphql-transport-ws sockets open all day, one subscription each: {string.Join("; ", received.Select(r => $"{r.Name} {r.Changes:N0}"))}; "
            + $"{received[0].Name} heard {received[0].Changes:N0} changes while {reports:N0} position reports were answered ({Report.F(100.0 * received[0].Changes / reports, "N0")} %)");

        var requests = day.All.Sum(o => o.Samples.Count + o.Errors);
        var errors = day.All.Sum(o => o.Errors) + socketErrors;
        report.Add("day: errors", $"{errors}", "", "",
            $"HTTP failures, GraphQL errors and payload errors over {requests:N0} requests, and subscription errors");
    }

    /// <summary>The service's resident memory over the day, first minute against last; the clients' beside it.</summary>
    private static void AddMemoryRows(Report report, MemoryWatch service, MemoryWatch clients, TimeSpan duration, Action<string> say)
    {
        var window = TimeSpan.FromTicks(Math.Min(TimeSpan.FromMinutes(1).Ticks, duration.Ticks / 4));
        var first = service.Mean(TimeSpan.Zero, window).WorkingSetMb;
        var last = service.Mean(duration - window, TimeSpan.MaxValue).WorkingSetMb;
        var growth = (last / first) - 1;
        var series = string.Join(", ", service.Samples.Select(s => $"{s.WorkingSetMb:N0}"));
        say($"  the service's resident memory every {(service.Samples.Count > 1 ? service.Samples[1].At.TotalSeconds : 0):N0} s (MB): {series}");
        report.Add("day: memory", $"the service {Report.F(first, "N0")} → {Report.F(last, "N0")} MB ({Report.F(growth * 100, "+0.0;-0.0")} %), peak {Report.F(service.PeakWorkingSetMb, "N0")} MB",
            "", growth <= MemoryMargin ? "no growth" : "grew",
            $"resident memory of the service's own process, mean of the first {Report.F(window.TotalSeconds, "N0")} s vs the last {Report.F(window.TotalSeconds, "N0")} s after warm-up "
            + $"({service.Samples.Count} samples; no growth = at most +{MemoryMargin:P0})");

        var (clientsFirst, heapFirst) = clients.Mean(TimeSpan.Zero, window);
        var (clientsLast, heapLast) = clients.Mean(duration - window, TimeSpan.MaxValue);
        report.Add("day: memory of the clients", $"{Report.F(clientsFirst, "N0")} → {Report.F(clientsLast, "N0")} MB", "", "",
            $"this process: every client, their sockets and samples, and the generator's idle host; managed heap {Report.F(heapFirst, "N0")} → {Report.F(heapLast, "N0")} MB");
    }

    /// <summary>Changes that still arrive once nothing is sent: what the subscriptions had not yet delivered when the day ended.</summary>
    private static async Task LagAsync(Report report, IReadOnlyList<LiveSubscription> consoles, TimeSpan quiet, Action<string> say)
    {
        var before = consoles.Select(c => c.Changes).ToList();
        await Task.Delay(quiet);
        var late = consoles.Select((c, i) => (c.Name, Changes: c.Changes - before[i])).ToList();
        say($"  changes in the {quiet.TotalSeconds:N0} s after the load: {string.Join("; ", late.Select(l => $"{l.Name} {l.Changes:N0}"))}");
        report.Add("day: subscriptions after the load", $"{late.Sum(l => l.Changes):N0} changes in {Report.F(quiet.TotalSeconds, "N0")} s", "", "",
            $"still arriving with nothing sent (a backlog, not new changes): {string.Join("; ", late.Select(l => $"{l.Name} {l.Changes:N0}"))}");
    }

    /// <summary>
    /// Stages of AVL reports with a proposal a second (each stage for an incident of its own) and nothing else: from
    /// 200/s, doubling while a stage passes; when 200/s does not, halving until one does (down to 25/s). A stage passes
    /// when proposeDispatch's p99 is under the limit, the reports answered keep up with the rate, and nothing failed.
    /// </summary>
    private static async Task StepAsync(DisasterDay day, Report report, TimeSpan stage, Action<string> say)
    {
        double? highest = null;
        bool? rising = null;
        var stages = new List<string>();
        for (var rate = 200.0; rate is >= 25 and <= 12_800;)
        {
            await day.ReportIncidentAsync();
            day.StartMeasuring();
            var elapsed = await DayLoad.Step(rate).RunAsync(day, stage);
            var achieved = day.Positions.Samples.Count / elapsed.TotalSeconds;
            var p99 = day.Proposals.Samples.P(0.99);
            var errors = day.Positions.Errors + day.Proposals.Errors;
            var passed = p99 < ProposalP99LimitMs && achieved >= rate * 0.95 && errors == 0;
            var line = $"{rate:N0}/s: {achieved:N0}/s answered (AVL p99 {day.Positions.Samples.P(0.99):N0} ms), proposeDispatch p50 {day.Proposals.Samples.P(0.5):N0} ms "
                + $"p99 {p99:N0} ms of {day.Proposals.Samples.Count}, errors {errors} {(passed ? "✓" : "✗")}";
            say("  step " + line);
            stages.Add(line);
            if (passed)
            {
                highest = Math.Max(highest ?? 0, rate);
            }

            if (rising is { } up && up != passed)
            {
                break;
            }

            rising = passed;
            rate = passed ? rate * 2 : rate / 2;
        }

        report.Add("step: highest AVL rate with proposeDispatch p99 < 100 ms", highest is { } r ? $"{Report.F(r, "N0")} reports/s" : "none of the stages", "", "",
            $"{Report.F(stage.TotalSeconds, "N0")} s stages, a proposal a second (p99 of so few is about their slowest): {string.Join("; ", stages)}");
    }

    private static async Task<List<LiveSubscription>> OpenConsolesAsync(Uri service, string token, ScaleSpec city)
    {
        (string Name, string Query)[] subscriptions =
        [
            ("unitChanged (map 1)", "subscription UnitChanged { unitChanged { id name kind status location { lat lon } } }"),
            ("unitChanged (map 2)", "subscription UnitChanged { unitChanged { id name kind status location { lat lon } } }"),
            ("unitChanged within 5 km",
                $"subscription {{ unitChanged(within: {{ center: {{ lat: {city.Center.Lat.ToString(CultureInfo.InvariantCulture)}, lon: {city.Center.Lon.ToString(CultureInfo.InvariantCulture)} }}, radiusMeters: 5000 }}) {{ id status location {{ lat lon }} }} }}"),
            ("incidentChanged", "subscription IncidentChanged { incidentChanged { id title kind level status location { lat lon } } }"),
            ("supplyRequestChanged", "subscription RequestChanged { supplyRequestChanged { id status priority allocations { depot { id name } itemCode quantity } shortfalls { itemCode quantity } } }"),
            ("stockChanged", "subscription StockChanged { stockChanged { id available } }"),
        ];
        var open = new List<LiveSubscription>();
        foreach (var (name, query) in subscriptions)
        {
            open.Add(await LiveSubscription.OpenAsync(service, token, name, query));
        }

        return open;
    }
}
