using JasperFx.Events;
using Muster.Duty.OpenItems;
using Muster.Infrastructure;
using Muster.Infrastructure.Writing;

namespace Muster.Duty;

/// <summary>
/// The duty roster (应急值班表) of the bureau: one stream, so that two shifts can never be scheduled over each other
/// (a write decides on the whole roster and loses the race if another one committed first). Each shift carries its
/// handover (交班) and its acknowledgement (接班); the watch's reminders and the gaps it reported are kept too, so
/// that each is said once.
/// </summary>
public sealed record DutyRoster(
    Guid Id,
    IReadOnlyList<DutyShift> Shifts,
    IReadOnlyList<RosterGap> ReportedGaps,
    DateTimeOffset UpdatedAt) : IAggregate<DutyRoster>
{
    /// <summary>The one roster's stream id.</summary>
    public static readonly Guid StreamId = new("7d0e2c51-8b1f-4f6a-9c3e-5a2b4d6f8e10");

    public static readonly DutyRoster Empty = new(StreamId, [], [], DateTimeOffset.MinValue);

    public static DutyRoster? After(DutyRoster? roster, IEvent e) => DutyRosterEvolution.Evolve(roster ?? Empty with { Id = e.StreamId }, e.Data, e.Timestamp);

    /// <summary>The shift covering <paramref name="at"/> (from its start, until before its end), or null.</summary>
    public DutyShift? At(DateTimeOffset at) => Shifts.FirstOrDefault(s => s.StartsAt <= at && at < s.EndsAt);

    public DutyShift? Find(Guid shiftId) => Shifts.FirstOrDefault(s => s.Id == shiftId);

    /// <summary>The first shift starting at or after the end of <paramref name="shift"/>.</summary>
    public DutyShift? Next(DutyShift shift) => Shifts.Where(s => s.StartsAt >= shift.EndsAt).MinBy(s => s.StartsAt);

    /// <summary>The first shift starting after <paramref name="at"/>.</summary>
    public DutyShift? NextAfter(DateTimeOffset at) => Shifts.Where(s => s.StartsAt > at).MinBy(s => s.StartsAt);

    /// <summary>The stretches of [<paramref name="from"/>, <paramref name="until"/>) that no shift covers, in order.</summary>
    public IReadOnlyList<RosterGap> GapsBetween(DateTimeOffset from, DateTimeOffset until)
    {
        var gaps = new List<RosterGap>();
        var cursor = from;
        foreach (var shift in Shifts.Where(s => s.EndsAt > from && s.StartsAt < until).OrderBy(s => s.StartsAt))
        {
            if (shift.StartsAt > cursor)
            {
                gaps.Add(new RosterGap(GapStart(cursor), shift.StartsAt));
            }

            cursor = shift.EndsAt > cursor ? shift.EndsAt : cursor;
        }

        if (cursor < until)
        {
            gaps.Add(new RosterGap(GapStart(cursor), null));
        }

        return gaps;
    }

    /// <summary>Where the gap that holds <paramref name="at"/> began: the end of the last shift before it, if any.</summary>
    private DateTimeOffset GapStart(DateTimeOffset at) =>
        Shifts.Where(s => s.EndsAt <= at).Select(s => s.EndsAt).DefaultIfEmpty(at).Max();
}

/// <summary>One of the people on a shift; <see cref="Login"/> is the subject of their sign-in, by which the service knows them.</summary>
public sealed record DutyPerson(string Name, string Phone, string? Login);

/// <summary>A shift: its duty leader (带班领导) and duty officers (值班员), from <see cref="StartsAt"/> until before <see cref="EndsAt"/>.</summary>
public sealed record DutyShift(
    Guid Id,
    DutyPerson Leader,
    IReadOnlyList<DutyPerson> Officers,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    DateTimeOffset ScheduledAt,
    Handover? HandedOver,
    Handover? Received,
    DateTimeOffset? ReminderDueAt)
{
    public IEnumerable<DutyPerson> People => Officers.Prepend(Leader);

    /// <summary>Whether the signed-in <paramref name="subject"/> is one of this shift's people.</summary>
    public bool IsOnIt(string subject) => People.Any(p => p.Login is { } login && string.Equals(login, subject, StringComparison.Ordinal));
}

/// <summary>A handover between two shifts, as the outgoing shift gave it and, once acknowledged, as the incoming took it.</summary>
public sealed record Handover(
    Guid FromShiftId,
    Guid ToShiftId,
    string By,
    DateTimeOffset At,
    IReadOnlyList<OpenItem> OpenItems,
    string? Notes,
    string? AcknowledgedBy,
    DateTimeOffset? AcknowledgedAt,
    string? AcknowledgementNotes);

/// <summary>A stretch nobody is on duty for: from <see cref="From"/> until <see cref="Until"/> (null: beyond the horizon looked at).</summary>
public sealed record RosterGap(DateTimeOffset From, DateTimeOffset? Until);

/// <summary>How the roster follows from its events; pure.</summary>
public static class DutyRosterEvolution
{
    public static DutyRoster Evolve(DutyRoster roster, object @event, DateTimeOffset at) => @event switch
    {
        DutyScheduled e => roster with
        {
            Shifts = [.. roster.Shifts.Append(new DutyShift(e.ShiftId, e.Leader, e.Officers, e.StartsAt, e.EndsAt, at, null, null, null)).OrderBy(s => s.StartsAt)],
            UpdatedAt = at,
        },
        DutyHandedOver e => Change(roster, at, e.ShiftId, e.ToShiftId,
            new Handover(e.ShiftId, e.ToShiftId, e.By, at, e.OpenItems, e.Notes, null, null, null)),
        HandoverAcknowledged e => Acknowledge(roster, e, at),
        HandoverReminderIssued e => roster with
        {
            Shifts = [.. roster.Shifts.Select(s => s.Id == e.ShiftId ? s with { ReminderDueAt = e.DueAt } : s)],
            UpdatedAt = at,
        },
        RosterGapReported e => roster with
        {
            // Gaps wholly past are forgotten: they can never be reported again.
            ReportedGaps = [.. roster.ReportedGaps.Where(g => g.Until is null || g.Until > at).Append(new RosterGap(e.From, e.Until))],
            UpdatedAt = at,
        },
        _ => roster,
    };

    private static DutyRoster Change(DutyRoster roster, DateTimeOffset at, Guid from, Guid to, Handover handover) => roster with
    {
        Shifts = [.. roster.Shifts.Select(s => s.Id == from ? s with { HandedOver = handover } : s.Id == to ? s with { Received = handover } : s)],
        UpdatedAt = at,
    };

    private static DutyRoster Acknowledge(DutyRoster roster, HandoverAcknowledged e, DateTimeOffset at)
    {
        var incoming = roster.Find(e.ShiftId);
        if (incoming?.Received is not { } handover)
        {
            return roster;
        }

        var acknowledged = handover with { AcknowledgedBy = e.By, AcknowledgedAt = at, AcknowledgementNotes = e.Notes };
        return Change(roster, at, e.FromShiftId, e.ShiftId, acknowledged);
    }

    /// <summary>Whether the gap is one reported already: the same end, begun no later (a gap that starts now moves on with the clock).</summary>
    public static bool AlreadyReported(this DutyRoster roster, RosterGap gap) =>
        roster.ReportedGaps.Any(r => r.Until == gap.Until && r.From <= gap.From);
}
