using Muster.Infrastructure.Writing;

namespace Muster.Drills;

/// <summary>The drill record, kept inline: a request for the drill's endpoint reads at once whether it is open.</summary>
public partial class DrillProjection : AggregateProjection<Drill>;
