using Muster.Catalog.Defining;

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
    DateTimeOffset DefinedAt)
{
    /// <summary>The least available stock, summed over all open depots, below which the item is low; null: none set.</summary>
    public int? MinimumStock { get; init; }

    /// <summary>Set while the low-stock check finds the item below its minimum.</summary>
    public LowStockAlert? LowStock { get; init; }

    public static Item Create(ItemDefined defined, DateTimeOffset at) =>
        new(defined.ItemId, defined.Code, defined.Name, defined.NameEn, defined.Unit, defined.PackSize,
            defined.Category, ItemCode.TopClassOf(defined.Code), defined.ShelfLifeDays, at);
}

/// <summary>Since when an item has been low, and the numbers the check found then.</summary>
public sealed record LowStockAlert(DateTimeOffset Since, int Available, int Minimum);
