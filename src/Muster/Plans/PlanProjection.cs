using Muster.Infrastructure.Writing;

namespace Muster.Plans;

/// <summary>The plan document, kept inline: a proposal reads the plan version just defined.</summary>
public partial class PlanProjection : AggregateProjection<Plan>;
