using Marten;
using Muster.Infrastructure;

namespace Muster.Audit;

/// <summary>One recorded event: what happened to which stream, when, and who did it.</summary>
public sealed record AuditEntry(long Sequence, Guid StreamId, long Version, string EventType, DateTimeOffset At, Actor? Actor);

/// <summary>Reads the event store in order of recording, whole or for one stream.</summary>
public sealed class AuditTrail(IQuerySession session)
{
    public async Task<int> CountAsync(Guid? streamId, CancellationToken ct)
    {
        var events = session.Events.QueryAllRawEvents();
        return streamId is { } id
            ? await events.Where(e => e.StreamId == id).CountAsync(ct)
            : await events.CountAsync(ct);
    }

    public async Task<IReadOnlyList<AuditEntry>> PageAsync(Guid? streamId, int offset, int limit, CancellationToken ct)
    {
        IQueryable<JasperFx.Events.IEvent> events = session.Events.QueryAllRawEvents();
        if (streamId is { } id)
        {
            events = events.Where(e => e.StreamId == id);
        }

        var page = await events.OrderBy(e => e.Sequence).Skip(offset).Take(limit).ToListAsync(ct);
        return page
            .Select(e => new AuditEntry(e.Sequence, e.StreamId, e.Version, e.EventTypeName, e.Timestamp, ActorMetadata.Read(e.Headers)))
            .ToList();
    }
}
