using JasperFx.Events;
using Muster.Incidents;
using Muster.Infrastructure.Writing;
using Muster.Drills.AfterAction;
using Muster.Plans;
using Muster.Spatial;

namespace Muster.Drills;

/// <summary>
/// An exercise (演练) of a plan, run on an isolated copy of the register and stock: the real database holds only this
/// record of it, its start and its after-action report.
/// </summary>
public sealed record Drill(
    Guid Id,
    Guid PlanId,
    string PlanName,
    int PlanVersion,
    Requirements PlanRequirements,
    DrillScenario Scenario,
    string Database,
    long CopiedThrough,
    Guid IncidentId,
    DrillStatus Status,
    string StartedBy,
    DateTimeOffset StartedAt,
    string? EndedBy,
    DateTimeOffset? EndedAt,
    string? Notes,
    AfterActionReport? Report) : IAggregate<Drill>
{
    public static Drill? After(Drill? drill, IEvent e) => (drill, e.Data) switch
    {
        (null, DrillStarted s) => new Drill(s.DrillId, s.PlanId, s.PlanName, s.PlanVersion, s.PlanRequirements, s.Scenario, s.Database,
            s.CopiedThrough, s.IncidentId, DrillStatus.Open, s.StartedBy, e.Timestamp, null, null, null, null),
        (not null, DrillEnded ended) => drill with
        {
            Status = DrillStatus.Ended, EndedBy = ended.EndedBy, EndedAt = e.Timestamp, Notes = ended.Notes, Report = ended.Report,
        },
        _ => drill,
    };

    /// <summary>The drill's name on every screen of it: the scenario's title.</summary>
    public string Name => Scenario.Title;
}

public enum DrillStatus
{
    /// <summary>Running: its copy answers at its own endpoint.</summary>
    Open,

    /// <summary>Over: the after-action report is kept, the copy discarded.</summary>
    Ended,
}

/// <summary>What the drill pretends happened: the exercise incident reported when it starts.</summary>
public sealed record DrillScenario(IncidentKind Kind, ResponseLevel Level, GeoPoint Location, string Title);
