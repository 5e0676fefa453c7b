using Muster.Catalog;
using Muster.Infrastructure;
using Muster.Infrastructure.Writing;
using Muster.Supplies;

namespace Muster.Spreadsheets.ImportingStock;

/// <summary>
/// Decides every row against the stock lines as they stand (earlier rows of the sheet included), then commits all
/// the events in one transaction, or nothing: a dry run, any invalid row, or a lost race writes nothing.
/// </summary>
public sealed class ImportStockHandler(EventWriter writer, TimeProvider time)
{
    public const int MaxRows = 10_000;

    /// <summary>How many rows are checked between two progress reports.</summary>
    public const int ReportEvery = 250;

    public async Task<Result<StockImportReport>> Handle(ImportStock command, CancellationToken ct, IStockImportProgress? progress = null)
    {
        if (command.Rows.Count is 0 or > MaxRows)
        {
            return DomainError.Validation($"a sheet has 1 to {MaxRows} rows of stock, this one has {command.Rows.Count}", "file");
        }

        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        return await writer.RunAsync<StockImportReport>(async (session, actor, token) =>
        {
            var lines = new Dictionary<string, (LineForWriting Line, StockLine? State)>(StringComparer.Ordinal);
            var outcomes = new List<StockImportRowOutcome>(command.Rows.Count);
            foreach (var row in command.Rows)
            {
                if (progress is not null && outcomes.Count > 0 && outcomes.Count % ReportEvery == 0)
                {
                    await progress.ReportAsync(new StockImportProgress(StockImportPhase.Validating, outcomes.Count, command.Rows.Count), token);
                }

                var code = row.ItemCode?.Trim() ?? "";
                if (ItemCode.Check(code, "itemCode") is { } badCode)
                {
                    outcomes.Add(new StockImportRowOutcome(row.Row, code, row.Lot, 0, [badCode]));
                    continue;
                }

                if (!lines.TryGetValue(code, out var line))
                {
                    var fetched = await LineForWriting.FetchAsync(session, command.DepotId, code, token);
                    line = (fetched, fetched.Line);
                }

                var decision = StockRowDecision.Decide(line.Line, line.State, row, command, actor, today);
                if (!decision.Succeeded)
                {
                    outcomes.Add(new StockImportRowOutcome(row.Row, code, row.Lot, 0, decision.Errors));
                    lines[code] = line;
                    continue;
                }

                var change = 0;
                if (decision.Value is { } @event)
                {
                    line.Line.Stream.AppendOne(@event);
                    var after = StockLineEvolution.Evolve(line.State, @event, now);
                    change = after.OnHand - (line.State?.OnHand ?? 0);
                    line.State = after;
                }

                lines[code] = line;
                outcomes.Add(new StockImportRowOutcome(row.Row, code, row.Lot?.Trim(), change, []));
            }

            var report = new StockImportReport(command.DryRun, false, outcomes);
            if (command.DryRun || report.InvalidRows > 0)
            {
                session.EjectAllPendingChanges(); // a dry run or a sheet with an invalid row writes nothing
                return report;
            }

            var applied = report with { Applied = true };
            if (progress is not null)
            {
                await progress.ReportAsync(new StockImportProgress(StockImportPhase.Applying, outcomes.Count, command.Rows.Count), token);
                progress.Committing(session, applied);
            }

            return applied;
        }, DomainError.Conflict("the depot's stock changed while the sheet was imported; nothing was imported, import it again", "file"), ct);
    }
}
