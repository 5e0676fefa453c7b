using JasperFx.Events;
using Marten.Events.Aggregation;
using Muster.Catalog.Defining;

namespace Muster.Catalog;

/// <summary>Keeps the <see cref="Item"/> document in step with its stream (inline: read-your-writes).</summary>
public partial class ItemProjection : SingleStreamProjection<Item, Guid>
{
    public static Item Create(IEvent<ItemDefined> defined) =>
        Item.Create(defined.Data, defined.Timestamp);
}
