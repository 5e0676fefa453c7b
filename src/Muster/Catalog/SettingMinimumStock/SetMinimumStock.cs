using JasperFx;
using Marten;
using Muster.Infrastructure;
using Muster.Supplies;

namespace Muster.Catalog.SettingMinimumStock;

/// <summary>Keep at least <see cref="Minimum"/> of an item available across the city's depots; 0 removes the minimum.</summary>
public sealed record SetMinimumStock(string ItemCode, int Minimum);

/// <summary>The item's minimum stock level was set; 0: it has none any more.</summary>
public sealed record ItemMinimumStockSet(Guid ItemId, string Code, int Minimum);

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

public sealed class SetMinimumStockHandler(IDocumentSession session)
{
    public async Task<Result<Item>> Handle(SetMinimumStock command, CancellationToken ct)
    {
        if (ItemCode.Check(command.ItemCode, "itemCode") is { } invalid)
        {
            return invalid;
        }

        var stream = await session.Events.FetchForWriting<Item>(ItemCode.StreamId(command.ItemCode), ct);
        var decision = SetMinimumStockDecision.Decide(stream.Aggregate, command);
        if (!decision.Succeeded)
        {
            return Result<Item>.Fail(decision.Errors);
        }

        if (decision.Value is not { } set)
        {
            return stream.Aggregate!;
        }

        stream.AppendOne(set);
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (ConcurrencyException)
        {
            return DomainError.Conflict("the item changed meanwhile; read it again and retry", "itemCode");
        }

        return (await session.LoadAsync<Item>(set.ItemId, ct))!;
    }
}
