using Marten;
using Muster.Infrastructure;

namespace Muster.Duty;

public enum DutyLogKind
{
    Scheduled,
    HandedOver,
    Acknowledged,
    HandoverReminded,
    GapReported,
}

/// <summary>One line of the roster's history: what happened, when, by whom, to which shift (as it is now), or which gap.</summary>
public sealed record DutyLogEntry(DutyLogKind Kind, DateTimeOffset At, string? By, DutyShift? Shift, RosterGap? Gap);

/// <summary>The roster's history, newest first: every shift scheduled, handover given and acknowledged, reminder and gap.</summary>
public sealed class DutyLog(IQuerySession session)
{
    public Task<int> CountAsync(CancellationToken ct) => Events().CountAsync(ct);

    public async Task<IReadOnlyList<DutyLogEntry>> PageAsync(int offset, int limit, CancellationToken ct)
    {
        var page = await Events().OrderByDescending(e => e.Sequence).Skip(offset).Take(limit).ToListAsync(ct);
        var roster = await session.LoadAsync<DutyRoster>(DutyRoster.StreamId, ct) ?? DutyRoster.Empty;
        return [.. page.Select(e =>
        {
            var by = ActorMetadata.Read(e.Headers)?.Subject;
            return e.Data switch
            {
                DutyScheduled s => new DutyLogEntry(DutyLogKind.Scheduled, e.Timestamp, by, roster.Find(s.ShiftId), null),
                DutyHandedOver h => new DutyLogEntry(DutyLogKind.HandedOver, e.Timestamp, h.By, roster.Find(h.ShiftId), null),
                HandoverAcknowledged a => new DutyLogEntry(DutyLogKind.Acknowledged, e.Timestamp, a.By, roster.Find(a.ShiftId), null),
                HandoverReminderIssued r => new DutyLogEntry(DutyLogKind.HandoverReminded, e.Timestamp, by, roster.Find(r.ShiftId), null),
                RosterGapReported g => new DutyLogEntry(DutyLogKind.GapReported, e.Timestamp, by, null, new RosterGap(g.From, g.Until)),
                _ => new DutyLogEntry(DutyLogKind.Scheduled, e.Timestamp, by, null, null),
            };
        })];
    }

    private IQueryable<JasperFx.Events.IEvent> Events() =>
        session.Events.QueryAllRawEvents().Where(e => e.StreamId == DutyRoster.StreamId);
}
