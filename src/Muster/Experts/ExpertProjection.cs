using Muster.Infrastructure.Writing;

namespace Muster.Experts;

/// <summary>The expert document, kept inline so a reader sees its own writes.</summary>
public partial class ExpertProjection : AggregateProjection<Expert>;
