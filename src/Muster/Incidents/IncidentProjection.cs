using Muster.Infrastructure.Writing;

namespace Muster.Incidents;

/// <summary>The incident document, kept inline so a commander sees his own writes.</summary>
public partial class IncidentProjection : AggregateProjection<Incident>;
