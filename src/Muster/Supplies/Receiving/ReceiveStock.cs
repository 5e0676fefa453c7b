using System.Globalization;
using Muster.Catalog;
using Muster.Depots;
using Muster.Infrastructure;
using Muster.Infrastructure.Writing;
using Muster.Infrastructure.Text;

namespace Muster.Supplies.Receiving;

/// <summary>Stock arrives at a depot: a lot of an item, with its expiry, from procurement, a donation or a transfer.</summary>
public sealed record ReceiveStock(
    Guid DepotId, string ItemCode, int Quantity, string? Lot, DateOnly? ExpiresOn, StockSource Source, string? Note);

public static class ReceiveStockDecision
{
    /// <summary>
    /// The receipt, or why not. Without a lot number the lot is named after the day (R20261129); without an expiry,
    /// an item with a shelf life expires that many days from today. Stock that has already expired is refused.
    /// </summary>
    public static Result<StockReceived> Decide(Depot? depot, Item? item, StockLine? line, ReceiveStock command, Actor actor, DateOnly today)
    {
        if ((StockRules.MayMoveStock(depot, actor) ?? StockRules.Item(command.ItemCode, item) ?? StockRules.Quantity(command.Quantity)) is { } refused)
        {
            return refused;
        }

        var lot = string.IsNullOrWhiteSpace(command.Lot) ? "R" + today.ToString("yyyyMMdd", CultureInfo.InvariantCulture) : command.Lot.Trim();
        if (TextRules.Name(lot, "lot", StockRules.MaxLotLength).Errors is [var badLot, ..])
        {
            return badLot;
        }

        var expiresOn = command.ExpiresOn ?? (item!.ShelfLifeDays is { } days ? today.AddDays(days) : null);
        if (expiresOn <= today)
        {
            return DomainError.Validation($"the lot expired on {expiresOn:yyyy-MM-dd}: expired stock is not received", "expiresOn");
        }

        if (line?.Lot(lot) is { } existing && existing.ExpiresOn != expiresOn)
        {
            return DomainError.Validation(
                $"lot '{lot}' is on the shelf with expiry {existing.ExpiresOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "none"}; one lot has one expiry", "expiresOn");
        }

        if ((long)(line?.OnHand ?? 0) + command.Quantity > StockRules.MaxOnHand)
        {
            return DomainError.Validation($"a stock line holds at most {StockRules.MaxOnHand}", "quantity");
        }

        var note = StockRules.Text(command.Note, "note", required: false);
        if (!note.Succeeded)
        {
            return Result<StockReceived>.Fail(note.Errors);
        }

        return new StockReceived(
            StockLineId.Of(depot!.Id, command.ItemCode), depot.Id, command.ItemCode, command.Quantity, lot, expiresOn,
            command.Source, null, note.Value is "" ? null : note.Value);
    }
}

public sealed class ReceiveStockHandler(EventWriter writer, TimeProvider time)
{
    public Task<Result<StockLine>> Handle(ReceiveStock command, CancellationToken ct) =>
        writer.ChangeLineAsync(command.DepotId, command.ItemCode,
            (line, actor) => ReceiveStockDecision.Decide(line.Depot, line.Item, line.Stream.Aggregate, command, actor, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime)),
            ct);
}
