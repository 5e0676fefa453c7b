using JasperFx.Events;
using Muster.Infrastructure.Writing;

namespace Muster.Catalog;

/// <summary>A kind of supply in the catalog, identified by its GB/T 38565-2020 code; stock is counted in its unit.</summary>
public sealed record Item(
    Guid Id,
    string Code,
    string Name,
    string? NameEn,
    string Unit,
    int PackSize,
    string? Category,
    TopClass TopClass,
    int? ShelfLifeDays,
    DateTimeOffset DefinedAt) : IAggregate<Item>
{
    /// <summary>The least available stock, summed over all open depots, below which the item is low; null: none set.</summary>
    public int? MinimumStock { get; init; }

    /// <summary>Set while the low-stock check finds the item below its minimum.</summary>
    public LowStockAlert? LowStock { get; init; }

    public static Item? After(Item? item, IEvent e) => (item, e.Data) switch
    {
        (_, ItemDefined defined) => ItemEvolution.Create(defined, e.Timestamp),
        (Item current, var data) => ItemEvolution.Evolve(current, data, e.Timestamp),
        _ => null,
    };
}

/// <summary>How an item follows from its events; pure.</summary>
public static class ItemEvolution
{
    public static Item Create(ItemDefined defined, DateTimeOffset at) =>
        new(defined.ItemId, defined.Code, defined.Name, defined.NameEn, defined.Unit, defined.PackSize,
            defined.Category, ItemCode.TopClassOf(defined.Code), defined.ShelfLifeDays, at);

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

/// <summary>Since when an item has been low, and the numbers the check found then.</summary>
public sealed record LowStockAlert(DateTimeOffset Since, int Available, int Minimum);
