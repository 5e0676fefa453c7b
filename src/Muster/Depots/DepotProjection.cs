using Muster.Infrastructure.Writing;

namespace Muster.Depots;

/// <summary>The depot document, kept inline so a reader sees its own writes.</summary>
public partial class DepotProjection : AggregateProjection<Depot>;
