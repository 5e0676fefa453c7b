using Muster.Infrastructure.Writing;
using Muster.Drills.AfterAction;
using Muster.Plans;

namespace Muster.Drills;

/// <summary>
/// A drill of <see cref="PlanId"/> began: its exercise runs in the copy <see cref="Database"/> of the register and stock,
/// taken when the copy's events ended at <see cref="CopiedThrough"/>; the scenario's incident is <see cref="IncidentId"/> there.
/// </summary>
public sealed record DrillStarted(
    Guid DrillId, Guid PlanId, string PlanName, int PlanVersion, Requirements PlanRequirements, DrillScenario Scenario,
    string Database, long CopiedThrough, Guid IncidentId, string StartedBy) : IEventOf<Drill>;

/// <summary>The drill ended: what it did is kept in <see cref="Report"/>, and its copy was discarded.</summary>
public sealed record DrillEnded(Guid DrillId, AfterActionReport Report, string? Notes, string EndedBy) : IEventOf<Drill>;
