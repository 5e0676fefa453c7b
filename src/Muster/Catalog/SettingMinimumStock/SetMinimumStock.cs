using Muster.Infrastructure;
using Muster.Infrastructure.Writing;
using Muster.Supplies;

namespace Muster.Catalog.SettingMinimumStock;

/// <summary>Keep at least <see cref="Minimum"/> of an item available across the city's depots; 0 removes the minimum.</summary>
public sealed record SetMinimumStock(string ItemCode, int Minimum);

public static class SetMinimumStockDecision
{
    /// <summary>The new minimum, or null when the item already has it (nothing to record).</summary>
    public static Result<ItemMinimumStockSet?> Decide(Item? item, SetMinimumStock command)
    {
        if (StockRules.Item(command.ItemCode, item) is { } unknown)
        {
            return unknown;
        }

        if (command.Minimum is < 0 or > StockRules.MaxOnHand)
        {
            return DomainError.Validation($"minimum must be between 0 (none) and {StockRules.MaxOnHand}, got {command.Minimum}", "minimum");
        }

        return (item!.MinimumStock ?? 0) == command.Minimum
            ? Result<ItemMinimumStockSet?>.Ok(null)
            : new ItemMinimumStockSet(item.Id, item.Code, command.Minimum);
    }
}

public sealed class SetMinimumStockHandler(EventWriter writer)
{
    public Task<Result<Item>> Handle(SetMinimumStock command, CancellationToken ct) =>
        ItemCode.Check(command.ItemCode, "itemCode") is { } invalid
            ? Task.FromResult<Result<Item>>(invalid)
            : writer.ChangeAsync<Item, ItemMinimumStockSet?>(ItemCode.StreamId(command.ItemCode),
                (item, _) => SetMinimumStockDecision.Decide(item, command),
                DomainError.Conflict("the item changed meanwhile; read it again and retry", "itemCode"), ct);
}
