using Marten;
using Muster.Spatial;

namespace Muster.Units.History;

public sealed record TrackPoint(GeoPoint Location, DateTimeOffset At, DateTimeOffset RecordedAt);

/// <summary>A unit's past, computed from its events: its state at a moment, and its track over a period.</summary>
public sealed class UnitHistory(IQuerySession session)
{
    /// <summary>The unit as it stood at <paramref name="at"/> (by recording time); null if it did not exist yet.</summary>
    public Task<RescueUnit?> AsOfAsync(Guid unitId, DateTimeOffset at, CancellationToken ct) =>
        session.Events.AggregateStreamAsync<RescueUnit>(unitId, timestamp: at, token: ct);

    /// <summary>Every position reported for the unit with a device time in [from, to], in device-time order, older reports included.</summary>
    public async Task<IReadOnlyList<TrackPoint>> TrackAsync(Guid unitId, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var events = await session.Events.FetchStreamAsync(unitId, token: ct);
        return events
            .Where(e => e.Data is UnitPositionReported r && r.At >= from && r.At <= to)
            .Select(e => (Report: (UnitPositionReported)e.Data, e.Timestamp))
            .OrderBy(x => x.Report.At)
            .Select(x => new TrackPoint(x.Report.Location, x.Report.At, x.Timestamp))
            .ToList();
    }
}
