using Muster.Infrastructure.Writing;

namespace Muster.Units;

/// <summary>The unit document, kept inline so a reader sees its own writes.</summary>
public partial class UnitProjection : AggregateProjection<RescueUnit>;
