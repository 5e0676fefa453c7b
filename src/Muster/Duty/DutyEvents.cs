using Muster.Duty.OpenItems;
using Muster.Infrastructure.Writing;

namespace Muster.Duty;

/// <summary>A shift was put on the roster: its leader, its officers, from when to when.</summary>
public sealed record DutyScheduled(Guid ShiftId, DutyPerson Leader, IReadOnlyList<DutyPerson> Officers, DateTimeOffset StartsAt, DateTimeOffset EndsAt)
    : IEventOf<DutyRoster>;

/// <summary>The outgoing shift handed over to the next one, with the open items gathered at that moment.</summary>
public sealed record DutyHandedOver(Guid ShiftId, Guid ToShiftId, string By, IReadOnlyList<OpenItem> OpenItems, string? Notes)
    : IEventOf<DutyRoster>;

/// <summary>The incoming shift took the handover over (接班确认).</summary>
public sealed record HandoverAcknowledged(Guid ShiftId, Guid FromShiftId, string By, string? Notes) : IEventOf<DutyRoster>;

/// <summary>The shift's handover falls due at <see cref="DueAt"/> (its end); said once per shift.</summary>
public sealed record HandoverReminderIssued(Guid ShiftId, DateTimeOffset DueAt) : IEventOf<DutyRoster>;

/// <summary>
/// Nobody is on the roster from <see cref="From"/> until <see cref="Until"/> (null: not covered up to the horizon the
/// watch looks at, <see cref="HorizonEnd"/>); said once per gap.
/// </summary>
public sealed record RosterGapReported(DateTimeOffset From, DateTimeOffset? Until, DateTimeOffset HorizonEnd) : IEventOf<DutyRoster>;
