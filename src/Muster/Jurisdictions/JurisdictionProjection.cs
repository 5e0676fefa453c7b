using Muster.Infrastructure.Writing;

namespace Muster.Jurisdictions;

/// <summary>The jurisdiction document, kept inline so a reader sees its own writes.</summary>
public partial class JurisdictionProjection : AggregateProjection<Jurisdiction>;
