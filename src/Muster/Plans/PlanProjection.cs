using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Muster.Plans;

/// <summary>The plan document, kept inline: a proposal reads the plan version just defined.</summary>
public partial class PlanProjection : SingleStreamProjection<Plan, Guid>
{
    public static Plan Create(IEvent<PlanDefined> e) => PlanEvolution.Evolve(null, e.Data, e.Timestamp);

    public static Plan Apply(IEvent<PlanDefined> e, Plan plan) => PlanEvolution.Evolve(plan, e.Data, e.Timestamp);

    public static Plan Apply(IEvent<DrillRecorded> e, Plan plan) => PlanEvolution.Evolve(plan, e.Data, e.Timestamp);

    public static Plan Apply(IEvent<DrillReminderIssued> e, Plan plan) => PlanEvolution.Evolve(plan, e.Data, e.Timestamp);
}
