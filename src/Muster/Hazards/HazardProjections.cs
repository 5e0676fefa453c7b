using Muster.Infrastructure.Writing;

namespace Muster.Hazards;

/// <summary>The hazard site document, kept inline so a reader sees its own writes.</summary>
public partial class HazardSiteProjection : AggregateProjection<HazardSite>;

public partial class InspectionProjection : AggregateProjection<Inspection>;

public partial class HiddenDangerProjection : AggregateProjection<HiddenDanger>;
