using System.Diagnostics;

namespace Muster.Benchmarks;

/// <summary>How many requests of each kind a second a <see cref="DisasterDay"/> sends, and sending them for a while.</summary>
public sealed record DayLoad(double Positions, double Incidents, double Proposals, double Requests, double NearestPanels,
    double MapLayers, double TilePans, double UnitLists, double RequestLists)
{
    /// <summary>Every unit every 10 s; an incident every 5 s, a proposal every 2 s, a supply request every 3 s; the map's reads of a few consoles.</summary>
    public static DayLoad Day(int units) => new(units / 10.0, 1 / 5.0, 1 / 2.0, 1 / 3.0, 1, 1 / 5.0, 1 / 2.0, 1 / 2.0, 1 / 2.0);

    /// <summary>AVL reports at a rate and a proposal a second, nothing else.</summary>
    public static DayLoad Step(double positions) => new(positions, 0, 1, 0, 0, 0, 0, 0, 0);

    /// <summary>Per operation, in the order of <see cref="DisasterDay.All"/>: an allocation follows each request, a pan fetches four tiles.</summary>
    public IEnumerable<double> PerOperation => [Positions, Incidents, Proposals, Requests, Requests, NearestPanels, MapLayers, TilePans * 4, UnitLists, RequestLists];

    /// <summary>Runs every kind of request at its rate for <paramref name="duration"/>; returns the time until the last answer.</summary>
    public async Task<TimeSpan> RunAsync(DisasterDay day, TimeSpan duration)
    {
        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource(duration);
        (double PerSecond, int InFlight, Func<long, Task> Once)[] paced =
        [
            (Positions, Math.Clamp((int)(Positions / 4), 4, 256), day.ReportPositionAsync),
            (Incidents, 4, _ => day.ReportIncidentAsync()),
            // One commander asks for a proposal and waits for it: two at once for one incident, one is a CONFLICT by design.
            (Proposals, 1, _ => day.ProposeAsync()),
            (Requests, 4, _ => day.RequestAndAllocateAsync()),
            (NearestPanels, 4, _ => day.NearestAsync()),
            (MapLayers, 4, _ => day.MapLayersAsync()),
            (TilePans, 4, _ => day.TilesAsync()),
            (UnitLists, 4, _ => day.UnitListAsync()),
            (RequestLists, 4, _ => day.RequestListAsync()),
        ];
        await Task.WhenAll(paced.Where(p => p.PerSecond > 0).Select(p => Pace.RunAsync(p.PerSecond, p.InFlight, p.Once, stop.Token)));
        return clock.Elapsed;
    }
}
