using Muster.Infrastructure;
using Muster.Supplies.Writing;

namespace Muster.Supplies.WritingOff;

/// <summary>Stock of a lot leaves the books unused: expired or damaged.</summary>
public sealed record WriteOffStock(Guid DepotId, string ItemCode, string Lot, int Quantity, WriteOffReason Reason, string? Note);

public static class WriteOffStockDecision
{
    /// <summary>Only unreserved stock is written off: what is promised to a request or transfer must be released first.</summary>
    public static Result<StockWrittenOff> Decide(LineForWriting line, WriteOffStock command, Actor actor)
    {
        if ((StockRules.MayMoveStock(line.Depot, actor) ?? StockRules.Item(command.ItemCode, line.Item) ?? StockRules.Quantity(command.Quantity)) is { } refused)
        {
            return refused;
        }

        var note = StockRules.Text(command.Note, "note", required: false);
        if (!note.Succeeded)
        {
            return Result<StockWrittenOff>.Fail(note.Errors);
        }

        var lot = StockRules.Lot(line.Line, command.Lot);
        if (!lot.Succeeded)
        {
            return Result<StockWrittenOff>.Fail(lot.Errors);
        }

        if (command.Quantity > lot.Value!.Quantity)
        {
            return new DomainError(ErrorCodes.InsufficientStock, $"lot '{lot.Value.Lot}' holds {lot.Value.Quantity}, fewer than {command.Quantity}", "quantity");
        }

        if (command.Quantity > line.Line!.Available)
        {
            return new DomainError(ErrorCodes.InsufficientStock,
                $"only {line.Line.Available} are unreserved; release reservations before writing off {command.Quantity}", "quantity");
        }

        return new StockWrittenOff(line.Line.Id, line.Line.DepotId, line.Line.ItemCode, lot.Value.Lot, command.Quantity, command.Reason,
            note.Value is "" ? null : note.Value);
    }
}

public sealed class WriteOffStockHandler(StockTransaction transaction)
{
    public Task<Result<StockLine>> Handle(WriteOffStock command, CancellationToken ct) =>
        transaction.ChangeLineAsync(command.DepotId, command.ItemCode, (line, actor) => WriteOffStockDecision.Decide(line, command, actor), ct);
}
