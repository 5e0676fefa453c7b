using Marten;
using Microsoft.Extensions.Logging;
using Muster.Infrastructure;
using Muster.Infrastructure.Writing;

namespace Muster.Spreadsheets.ImportingStock;

/// <summary>
/// Runs stock imports in the background: the job is recorded before the caller is answered, beats with the rows
/// checked, and ends Done in the import's own transaction, or Failed with the report or the reason.
/// </summary>
public sealed class StockImportJobs(IDocumentStore store, TimeProvider time, ILogger<StockImportJobs> log) : IDisposable
{
    private readonly CancellationTokenSource _stopping = new();

    public async Task<StockImportJob> StartAsync(ImportStock command, Actor actor, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var job = new StockImportJob(Guid.NewGuid(), actor.Subject, command.DepotId, command.Mode, command.DryRun,
            StockImportJobState.Validating, 0, command.Rows.Count, now, now);
        await SaveAsync(job, ct);
        _ = Task.Run(() => RunAsync(job, command, actor), CancellationToken.None);
        return job;
    }

    /// <summary>The job as its uploader or an admin sees it; null for anyone else, as for a job that does not exist.</summary>
    public async Task<StockImportJob?> FindAsync(Guid id, Actor viewer, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var job = await session.LoadAsync<StockImportJob>(id, ct);
        return job is not null && job.MayBeReadBy(viewer) ? job.AsSeenAt(time.GetUtcNow()) : null;
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _stopping.Dispose();
    }

    private async Task RunAsync(StockImportJob job, ImportStock command, Actor actor)
    {
        var ct = _stopping.Token;
        var followed = new Follower(this, job);
        try
        {
            var handler = new ImportStockHandler(new EventWriter(store, NoCaller.Instance, time).ActingAs(actor), time);
            var result = await handler.Handle(command, ct, followed);
            var last = followed.Job with { RowsChecked = job.TotalRows, BeatAt = time.GetUtcNow() };
            if (!result.Succeeded)
            {
                await SaveAsync(last with { State = StockImportJobState.Failed, Error = result.Errors[0] }, ct);
            }
            else if (!result.Value!.Applied)
            {
                var report = result.Value;
                var state = report.DryRun && report.InvalidRows == 0 ? StockImportJobState.Done : StockImportJobState.Failed;
                await SaveAsync(last with { State = state, Report = report }, ct);
            }

            // Applied: the job was written Done in the import's own transaction.
        }
        catch (Exception e)
        {
            log.LogError(e, "Stock import {Job} stopped", job.Id);
            try
            {
                var error = DomainError.InvalidState("the import stopped before it finished; nothing was imported, import the sheet again");
                await SaveAsync(followed.Job with { State = StockImportJobState.Failed, Error = error, BeatAt = time.GetUtcNow() }, CancellationToken.None);
            }
            catch (Exception again)
            {
                // The job stays Running and is seen as abandoned once it stops beating.
                log.LogError(again, "Stock import {Job} could not be marked failed", job.Id);
            }
        }
    }

    private DateTimeOffset Now() => time.GetUtcNow();

    private async Task SaveAsync(StockImportJob job, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        session.Store(job);
        await session.SaveChangesAsync(ct);
    }

    private sealed class Follower(StockImportJobs jobs, StockImportJob job) : IStockImportProgress
    {
        public StockImportJob Job { get; private set; } = job;

        public async Task ReportAsync(StockImportProgress progress, CancellationToken ct)
        {
            var state = progress.Phase == StockImportPhase.Applying ? StockImportJobState.Applying : StockImportJobState.Validating;
            Job = Job with { State = state, RowsChecked = progress.RowsChecked, BeatAt = jobs.Now() };
            await jobs.SaveAsync(Job, ct);
        }

        public void Committing(IDocumentSession session, StockImportReport report) =>
            session.Store(Job with { State = StockImportJobState.Done, Report = report, BeatAt = jobs.Now() });
    }
}
