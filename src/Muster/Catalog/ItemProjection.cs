using JasperFx.Events;
using Marten.Events.Aggregation;
using Muster.Catalog.Defining;
using Muster.Catalog.CheckingLowStock;
using Muster.Catalog.SettingMinimumStock;

namespace Muster.Catalog;

/// <summary>Keeps the <see cref="Item"/> document in step with its stream (inline: read-your-writes).</summary>
public partial class ItemProjection : SingleStreamProjection<Item, Guid>
{
    public static Item Create(IEvent<ItemDefined> defined) =>
        Item.Create(defined.Data, defined.Timestamp);

    public static Item Apply(IEvent<ItemMinimumStockSet> e, Item item) => ItemEvolution.Evolve(item, e.Data, e.Timestamp);

    public static Item Apply(IEvent<LowStockAlerted> e, Item item) => ItemEvolution.Evolve(item, e.Data, e.Timestamp);

    public static Item Apply(IEvent<LowStockCleared> e, Item item) => ItemEvolution.Evolve(item, e.Data, e.Timestamp);
}

/// <summary>How an item follows from its events after its definition; pure.</summary>
public static class ItemEvolution
{
    public static Item Evolve(Item item, object @event, DateTimeOffset at) => @event switch
    {
        // An item without a minimum is never low: removing the minimum ends an alert with it.
        ItemMinimumStockSet { Minimum: 0 } => item with { MinimumStock = null, LowStock = null },
        ItemMinimumStockSet set => item with { MinimumStock = set.Minimum },
        LowStockAlerted alerted => item with { LowStock = new LowStockAlert(at, alerted.Available, alerted.Minimum) },
        LowStockCleared => item with { LowStock = null },
        _ => item,
    };
}
