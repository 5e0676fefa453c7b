using Muster.Catalog;
using Muster.Depots;
using Muster.Infrastructure;
using Muster.Infrastructure.Writing;

namespace Muster.Supplies.WritingOff;

/// <summary>Stock of a lot leaves the books unused: expired or damaged.</summary>
public sealed record WriteOffStock(Guid DepotId, string ItemCode, string Lot, int Quantity, WriteOffReason Reason, string? Note);

public static class WriteOffStockDecision
{
    /// <summary>Only unreserved stock is written off: what is promised to a request or transfer must be released first.</summary>
    public static Result<StockWrittenOff> Decide(Depot? depot, Item? item, StockLine? line, WriteOffStock command, Actor actor)
    {
        if ((StockRules.MayMoveStock(depot, actor) ?? StockRules.Item(command.ItemCode, item) ?? StockRules.Quantity(command.Quantity)) is { } refused)
        {
            return refused;
        }

        var note = StockRules.Text(command.Note, "note", required: false);
        if (!note.Succeeded)
        {
            return Result<StockWrittenOff>.Fail(note.Errors);
        }

        var lot = StockRules.Lot(line, command.Lot);
        if (!lot.Succeeded)
        {
            return Result<StockWrittenOff>.Fail(lot.Errors);
        }

        if (command.Quantity > lot.Value!.Quantity)
        {
            return new DomainError(ErrorCodes.InsufficientStock, $"lot '{lot.Value.Lot}' holds {lot.Value.Quantity}, fewer than {command.Quantity}", "quantity");
        }

        if (command.Quantity > line!.Available)
        {
            return new DomainError(ErrorCodes.InsufficientStock,
                $"only {line.Available} are unreserved; release reservations before writing off {command.Quantity}", "quantity");
        }

        return new StockWrittenOff(line.Id, line.DepotId, line.ItemCode, lot.Value.Lot, command.Quantity, command.Reason,
            note.Value is "" ? null : note.Value);
    }
}

public sealed class WriteOffStockHandler(EventWriter writer)
{
    public Task<Result<StockLine>> Handle(WriteOffStock command, CancellationToken ct) =>
        writer.ChangeLineAsync(command.DepotId, command.ItemCode,
            (line, actor) => WriteOffStockDecision.Decide(line.Depot, line.Item, line.Line, command, actor), ct);
}
