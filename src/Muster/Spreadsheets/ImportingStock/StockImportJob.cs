using Muster.Infrastructure;

namespace Muster.Spreadsheets.ImportingStock;

public enum StockImportJobState
{
    Validating,
    Applying,
    Done,
    Failed,
}

/// <summary>
/// A stock import run in the background, kept in the database so any instance answers it. It is Done only in the
/// transaction that applied the stock (or, for a dry run, once every row checked out); a job whose instance stopped
/// beats no more and is seen as Failed: its import never committed.
/// </summary>
public sealed record StockImportJob(
    Guid Id, string Owner, Guid DepotId, StockImportMode Mode, bool DryRun, StockImportJobState State,
    int RowsChecked, int TotalRows, DateTimeOffset StartedAt, DateTimeOffset BeatAt,
    StockImportReport? Report = null, DomainError? Error = null)
{
    /// <summary>A running job beats at least every few hundred rows; silence this long means its instance is gone.</summary>
    public static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(2);

    public static readonly DomainError Abandoned =
        DomainError.InvalidState("the import was abandoned (the instance running it stopped); nothing was imported, import the sheet again");

    public bool Running => State is StockImportJobState.Validating or StockImportJobState.Applying;

    public bool MayBeReadBy(Actor viewer) => viewer.Subject == Owner || viewer.Role == Role.Admin;

    public StockImportJob AsSeenAt(DateTimeOffset now) =>
        Running && now - BeatAt > AbandonedAfter ? this with { State = StockImportJobState.Failed, Error = Abandoned } : this;
}
