namespace Muster.Catalog.CheckingLowStock;

public static class LowStockDecision
{
    /// <summary>
    /// An alert when the item falls below its minimum, a clearance when it recovers; null while its state stays the
    /// same, so the check can run any number of times and records only changes.
    /// </summary>
    public static object? Decide(Item item, int available)
    {
        if (item.MinimumStock is not { } minimum)
        {
            return null;
        }

        return (available < minimum, item.LowStock) switch
        {
            (true, null) => new LowStockAlerted(item.Id, item.Code, available, minimum),
            (false, not null) => new LowStockCleared(item.Id, item.Code, available, minimum),
            _ => null,
        };
    }
}
