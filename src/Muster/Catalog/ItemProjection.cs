using Muster.Infrastructure.Writing;

namespace Muster.Catalog;

/// <summary>Keeps the <see cref="Item"/> document in step with its stream (inline: read-your-writes).</summary>
public partial class ItemProjection : AggregateProjection<Item>;
