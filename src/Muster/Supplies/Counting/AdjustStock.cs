using Muster.Infrastructure;
using Muster.Supplies.Writing;

namespace Muster.Supplies.Counting;

/// <summary>A count correction: the shelf holds <see cref="CountedQuantity"/> of a lot, whatever the ledger says.</summary>
public sealed record AdjustStock(Guid DepotId, string ItemCode, string Lot, int CountedQuantity, string Reason);

public static class AdjustStockDecision
{
    public static Result<StockCounted> Decide(LineForWriting line, AdjustStock command, Actor actor)
    {
        if ((StockRules.MayMoveStock(line.Depot, actor) ?? StockRules.Item(command.ItemCode, line.Item)) is { } refused)
        {
            return refused;
        }

        if (command.CountedQuantity is < 0 or > StockRules.MaxMovement)
        {
            return DomainError.Validation($"countedQuantity must be between 0 and {StockRules.MaxMovement}, got {command.CountedQuantity}", "countedQuantity");
        }

        var reason = StockRules.Text(command.Reason, "reason", required: true);
        if (!reason.Succeeded)
        {
            return Result<StockCounted>.Fail(reason.Errors);
        }

        var lot = StockRules.Lot(line.Line, command.Lot);
        if (!lot.Succeeded)
        {
            return Result<StockCounted>.Fail(lot.Errors);
        }

        var difference = command.CountedQuantity - lot.Value!.Quantity;
        if (difference == 0)
        {
            return DomainError.Validation($"the ledger already holds {lot.Value.Quantity} of lot '{lot.Value.Lot}': nothing to correct", "countedQuantity");
        }

        if (line.Line!.Available + difference < 0)
        {
            return new DomainError(ErrorCodes.InsufficientStock,
                $"{line.Line.Reserved} are reserved and the count leaves {line.Line.OnHand + difference} on hand: release reservations first", "countedQuantity");
        }

        return new StockCounted(line.Line.Id, line.Line.DepotId, line.Line.ItemCode, lot.Value.Lot, command.CountedQuantity, difference, reason.Value!);
    }
}

public sealed class AdjustStockHandler(StockTransaction transaction)
{
    public Task<Result<StockLine>> Handle(AdjustStock command, CancellationToken ct) =>
        transaction.ChangeLineAsync(command.DepotId, command.ItemCode, (line, actor) => AdjustStockDecision.Decide(line, command, actor), ct);
}
