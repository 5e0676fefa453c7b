namespace Muster.Catalog.CheckingLowStock;

/// <summary>The check found less available than the item's minimum, summed over all open depots.</summary>
public sealed record LowStockAlerted(Guid ItemId, string Code, int Available, int Minimum);

/// <summary>The check found the item back at or above its minimum.</summary>
public sealed record LowStockCleared(Guid ItemId, string Code, int Available, int Minimum);
