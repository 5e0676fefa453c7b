using Marten;

namespace Muster.Supplies.History;

/// <summary>A stock line's past, computed from its events: the line at a moment, and its ledger.</summary>
public sealed class StockHistory(IQuerySession session)
{
    /// <summary>The stock line as it stood at <paramref name="at"/> (by recording time); null before its first event.</summary>
    public Task<StockLine?> AsOfAsync(Guid depotId, string itemCode, DateTimeOffset at, CancellationToken ct) =>
        session.Events.AggregateStreamAsync<StockLine>(StockLineId.Of(depotId, itemCode), timestamp: at, token: ct);

    /// <summary>Every entry of the stock line's ledger, oldest first.</summary>
    public async Task<IReadOnlyList<StockLedgerEntry>> LedgerAsync(Guid depotId, string itemCode, CancellationToken ct) =>
        StockLedger.Of(await session.Events.FetchStreamAsync(StockLineId.Of(depotId, itemCode), token: ct));
}
