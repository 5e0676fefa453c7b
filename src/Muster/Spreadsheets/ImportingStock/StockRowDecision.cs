using System.Globalization;
using Muster.Infrastructure;
using Muster.Supplies;
using Muster.Supplies.Counting;
using Muster.Supplies.Receiving;

namespace Muster.Spreadsheets.ImportingStock;

/// <summary>
/// A row's cells turned into the same command the GraphQL mutations send (receiveStock, adjustStock) and decided by the
/// same rules; null event for a count that already matches the ledger.
/// </summary>
public static class StockRowDecision
{
    public static Result<IStockLineEvent?> Decide(LineForWriting line, StockLine? state, StockImportRow row, ImportStock import, Actor actor, DateOnly today)
    {
        var code = row.ItemCode?.Trim() ?? "";
        if (!int.TryParse(row.Quantity?.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var quantity))
        {
            return DomainError.Validation($"quantity must be a whole number, got '{row.Quantity}'", "quantity");
        }

        DateOnly? expiresOn = null;
        if (!string.IsNullOrWhiteSpace(row.ExpiresOn))
        {
            if (!DateOnly.TryParseExact(row.ExpiresOn.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return DomainError.Validation($"expiresOn must be a date yyyy-MM-dd, got '{row.ExpiresOn}'", "expiresOn");
            }

            expiresOn = date;
        }

        if (import.Mode == StockImportMode.Receipts)
        {
            var receipt = new ReceiveStock(import.DepotId, code, quantity, row.Lot, expiresOn, StockSource.Procured, row.Note);
            var received = ReceiveStockDecision.Decide(line.Depot, line.Item, state, receipt, actor, today);
            return received.Succeeded ? Result<IStockLineEvent?>.Ok(received.Value) : Result<IStockLineEvent?>.Fail(received.Errors);
        }

        if (string.IsNullOrWhiteSpace(row.Lot))
        {
            return DomainError.Validation("a count names the lot it counted", "lot");
        }

        if (state?.Lot(row.Lot.Trim()) is { } lot && lot.Quantity == quantity)
        {
            return Result<IStockLineEvent?>.Ok(null);
        }

        var count = new AdjustStock(import.DepotId, code, row.Lot.Trim(), quantity, import.Reason ?? "");
        var counted = AdjustStockDecision.Decide(line.Depot, line.Item, state, count, actor);
        return counted.Succeeded ? Result<IStockLineEvent?>.Ok(counted.Value) : Result<IStockLineEvent?>.Fail(counted.Errors);
    }
}
