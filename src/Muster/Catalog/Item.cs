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
    public static Item Create(ItemDefined defined, DateTimeOffset at) =>
        new(defined.ItemId, defined.Code, defined.Name, defined.NameEn, defined.Unit, defined.PackSize,
            defined.Category, ItemCode.TopClassOf(defined.Code), defined.ShelfLifeDays, at);
}
