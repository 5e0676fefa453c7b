using Muster.Catalog;
using Muster.Depots;
using Muster.Infrastructure;
using Muster.Infrastructure.Writing;

namespace Muster.Supplies.Counting;

/// <summary>A count correction: the shelf holds <see cref="CountedQuantity"/> of a lot, whatever the ledger says.</summary>
public sealed record AdjustStock(Guid DepotId, string ItemCode, string Lot, int CountedQuantity, string Reason);

public static class AdjustStockDecision
{
    /// <summary>
    /// The correction, or why not. A count corrects a lot on the shelf (stock found under a new lot is received);
    /// it may not leave less on hand than is reserved.
    /// </summary>
    public static Result<StockCounted> Decide(Depot? depot, Item? item, StockLine? line, AdjustStock command, Actor actor)
    {
        if ((StockRules.MayMoveStock(depot, actor) ?? StockRules.Item(command.ItemCode, item)) is { } refused)
        {
            return refused;
        }

        // A count states what a lot holds, which may be far more than one movement carries.
        if (command.CountedQuantity is < 0 or > StockRules.MaxOnHand)
        {
            return DomainError.Validation($"countedQuantity must be between 0 and {StockRules.MaxOnHand}, got {command.CountedQuantity}", "countedQuantity");
        }

        var reason = StockRules.Text(command.Reason, "reason", required: true);
        if (!reason.Succeeded)
        {
            return Result<StockCounted>.Fail(reason.Errors);
        }

        var lot = StockRules.Lot(line, command.Lot);
        if (!lot.Succeeded)
        {
            return Result<StockCounted>.Fail(lot.Errors);
        }

        var difference = command.CountedQuantity - lot.Value!.Quantity;
        if (difference == 0)
        {
            return DomainError.Validation($"the ledger already holds {lot.Value.Quantity} of lot '{lot.Value.Lot}': nothing to correct", "countedQuantity");
        }

        if ((long)line!.OnHand + difference > StockRules.MaxOnHand)
        {
            return DomainError.Validation($"a stock line holds at most {StockRules.MaxOnHand}", "countedQuantity");
        }

        if (line.Available + difference < 0)
        {
            return new DomainError(ErrorCodes.InsufficientStock,
                $"{line.Reserved} are reserved and the count leaves {line.OnHand + difference} on hand: release reservations first", "countedQuantity");
        }

        return new StockCounted(line.Id, line.DepotId, line.ItemCode, lot.Value.Lot, command.CountedQuantity, difference, reason.Value!);
    }
}

public sealed class AdjustStockHandler(EventWriter writer)
{
    public Task<Result<StockLine>> Handle(AdjustStock command, CancellationToken ct) =>
        writer.ChangeLineAsync(command.DepotId, command.ItemCode,
            (line, actor) => AdjustStockDecision.Decide(line.Depot, line.Item, line.Line, command, actor), ct);
}
