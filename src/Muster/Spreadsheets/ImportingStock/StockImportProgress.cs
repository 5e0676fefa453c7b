using Marten;

namespace Muster.Spreadsheets.ImportingStock;

public enum StockImportPhase
{
    /// <summary>Rows are being checked against the stock lines; nothing is written yet.</summary>
    Validating,

    /// <summary>Every row is valid and the import's one transaction is being committed.</summary>
    Applying,
}

public sealed record StockImportProgress(StockImportPhase Phase, int RowsChecked, int TotalRows);

/// <summary>
/// Follows an import while it runs. Awaited, so the reports arrive in order and never outrun the import.
/// <see cref="Committing"/> lets the follower write alongside the import, in its one transaction: what it records
/// there stands or falls with the stock.
/// </summary>
public interface IStockImportProgress
{
    Task ReportAsync(StockImportProgress progress, CancellationToken ct);

    void Committing(IDocumentSession session, StockImportReport report);
}
