using Muster.Infrastructure.Writing;

namespace Muster.Requests;

/// <summary>The request document, kept inline so a writer fetches it and a reader sees its own writes.</summary>
public partial class SupplyRequestProjection : AggregateProjection<SupplyRequest>;
