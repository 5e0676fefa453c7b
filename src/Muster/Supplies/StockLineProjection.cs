using Muster.Infrastructure.Writing;

namespace Muster.Supplies;

/// <summary>The stock-line document, kept inline so a writer fetches it and a reader sees its own writes.</summary>
public partial class StockLineProjection : AggregateProjection<StockLine>;
