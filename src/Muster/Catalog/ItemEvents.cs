using Muster.Infrastructure.Writing;

namespace Muster.Catalog;

public sealed record ItemDefined(
    Guid ItemId, string Code, string Name, string? NameEn, string Unit, int PackSize, string? Category, int? ShelfLifeDays) : IEventOf<Item>;

/// <summary>The item's minimum stock level was set; 0: it has none any more.</summary>
public sealed record ItemMinimumStockSet(Guid ItemId, string Code, int Minimum) : IEventOf<Item>;

/// <summary>The check found less available than the item's minimum, summed over all open depots.</summary>
public sealed record LowStockAlerted(Guid ItemId, string Code, int Available, int Minimum) : IEventOf<Item>;

/// <summary>The check found the item back at or above its minimum.</summary>
public sealed record LowStockCleared(Guid ItemId, string Code, int Available, int Minimum) : IEventOf<Item>;
