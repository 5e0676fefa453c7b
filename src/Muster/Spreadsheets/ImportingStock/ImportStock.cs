using Muster.Infrastructure;

namespace Muster.Spreadsheets.ImportingStock;

public enum StockImportMode
{
    /// <summary>Each row is a receipt of a lot (with its expiry): stock arrives.</summary>
    Receipts,

    /// <summary>Each row is what a lot holds by count: differences become count corrections.</summary>
    Count,
}

/// <summary>One row of a stock sheet as read, cells still text: the import checks them, row by row.</summary>
public sealed record StockImportRow(int Row, string? ItemCode, string? Quantity, string? Lot, string? ExpiresOn, string? Note);

/// <summary>Imports a sheet of stock for one depot: all rows or none; a dry run checks everything and writes nothing.</summary>
public sealed record ImportStock(Guid DepotId, StockImportMode Mode, IReadOnlyList<StockImportRow> Rows, bool DryRun, string? Reason);

/// <summary>What became of a row: the change of on-hand it makes (0 when a count matches the ledger), or why it cannot.</summary>
public sealed record StockImportRowOutcome(int Row, string? ItemCode, string? Lot, int Change, IReadOnlyList<DomainError> Errors)
{
    public bool Valid => Errors.Count == 0;
}

public sealed record StockImportReport(bool DryRun, bool Applied, IReadOnlyList<StockImportRowOutcome> Rows)
{
    public int ValidRows => Rows.Count(r => r.Valid);
    public int InvalidRows => Rows.Count(r => !r.Valid);
}
