using Muster.Incidents;
using Muster.Infrastructure.Writing;

namespace Muster.Plans;

public sealed record PlanDefined(Guid PlanId, IncidentKind Kind, ResponseLevel Level, string Name, Requirements Requirements, int? DrillIntervalDays) : IEventOf<Plan>;

public sealed record DrillRecorded(Guid PlanId, DateOnly HeldOn, string? Notes) : IEventOf<Plan>;

/// <summary>The plan's drill fell due on <see cref="DueOn"/> and has not been held; said once per due date.</summary>
public sealed record DrillReminderIssued(Guid PlanId, DateOnly DueOn) : IEventOf<Plan>;
