using Muster.Dispatch;
using Muster.Incidents;

namespace Muster.Drills.AfterAction;

/// <summary>
/// What a drill did and how it measured up, kept on the drill when its copy is discarded: each exercise incident's
/// times from report to proposal to approval, what fell short, the dispatch against the plan, and the timeline itself.
/// </summary>
public sealed record AfterActionReport(
    DateTimeOffset StartedAt,
    DateTimeOffset EndedAt,
    IReadOnlyList<DrillResponse> Responses,
    IReadOnlyList<PlanComparison> ComparedWithPlan,
    IReadOnlyList<Shortfall> ShortOf,
    IReadOnlyList<CoverageLoss>? CoverageLost,
    IReadOnlyList<DrillTimelineEntry> Timeline,
    int EventCount);

/// <summary>One exercise incident: when it was reported, first proposed for, approved, supplied and closed.</summary>
public sealed record DrillResponse(
    Guid IncidentId, string Title, IncidentKind Kind, ResponseLevel Level, DateTimeOffset ReportedAt,
    DateTimeOffset? FirstProposedAt, DateTimeOffset? ApprovedAt, DateTimeOffset? ShippedAt, DateTimeOffset? ClosedAt, int Proposals);

/// <summary>What the plan requires of one capability, item or specialty, and what the drill dispatched of it.</summary>
public sealed record PlanComparison(ShortfallKind Kind, string What, int Required, int Dispatched)
{
    public int Missing => Math.Max(0, Required - Dispatched);
}

/// <summary>
/// Coverage a dispatch of the drill would have cost the city (one capability within a time limit, weighted share
/// before → after), from the approved proposal's cost of dispatch, and the places it left uncovered.
/// </summary>
public sealed record CoverageLoss(string Capability, int WithinSeconds, double CoveredBefore, double CoveredAfter, IReadOnlyList<string> Uncovered);

/// <summary>One event the drill wrote in its copy, as it was: when, what, on which stream, by whom, and its data (JSON).</summary>
public sealed record DrillTimelineEntry(long Sequence, DateTimeOffset At, string EventType, Guid StreamId, long Version, string? ActorSubject, string? ActorRole, string Data);
