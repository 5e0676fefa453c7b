using Marten;
using Muster.Infrastructure;

namespace Muster.Audit;

/// <summary>One recorded event: what happened to which stream, when, and who did it.</summary>
public sealed record AuditEntry(long Sequence, Guid StreamId, long Version, string EventType, DateTimeOffset At, Actor? Actor);

/// <summary>Which events a trail shows: all, or those of some streams; all time, or since an instant.</summary>
public sealed record AuditScope(IReadOnlyCollection<Guid>? Streams = null, DateTimeOffset? Since = null);

/// <summary>Reads the event store in order of recording: whole, for one object, or for an incident and what was sent to it.</summary>
public sealed class AuditTrail(IQuerySession session)
{
    public Task<int> CountAsync(AuditScope scope, CancellationToken ct) => Events(scope).CountAsync(ct);

    public async Task<IReadOnlyList<AuditEntry>> PageAsync(AuditScope scope, int offset, int limit, CancellationToken ct)
    {
        var page = await Events(scope).OrderBy(e => e.Sequence).Skip(offset).Take(limit).ToListAsync(ct);
        return page
            .Select(e => new AuditEntry(e.Sequence, e.StreamId, e.Version, e.EventTypeName, e.Timestamp, ActorMetadata.Read(e.Headers)))
            .ToList();
    }

    private IQueryable<JasperFx.Events.IEvent> Events(AuditScope scope)
    {
        IQueryable<JasperFx.Events.IEvent> events = session.Events.QueryAllRawEvents();
        if (scope.Streams is { } streams)
        {
            var ids = streams.ToArray();
            events = ids.Length == 1 ? events.Where(e => e.StreamId == ids[0]) : events.Where(e => ids.Contains(e.StreamId));
        }

        if (scope.Since is { } since)
        {
            events = events.Where(e => e.Timestamp >= since);
        }

        return events;
    }
}
