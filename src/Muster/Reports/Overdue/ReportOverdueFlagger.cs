using Muster.Infrastructure;
using Muster.Infrastructure.Writing;
using Muster.Reports.Deadlines;
using Quartz;

namespace Muster.Reports.Overdue;

/// <summary>
/// Every <see cref="ReportsOptions.OverdueCheckInterval"/>: each report that fell due unfiled gets a
/// <see cref="ReportOverdueFlagged"/> on its incident's report log, once per due time, which the duty desk hears through
/// the <c>reportOverdue</c> subscription. Clustered: one replica runs it.
/// </summary>
[DisallowConcurrentExecution]
public sealed class ReportOverdueFlagger(EventWriter writer, ReportDueList due, TimeProvider time) : IJob
{
    public static readonly JobKey Key = new("report-overdue", "reports");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await RunAsync(cancellationToken);

    /// <summary>Flags what is late and not flagged yet; answers how many it flagged.</summary>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var flagged = await writer.ActingAs(Actor.Job("report-overdue")).RunAsync(
            async (session, _, token) =>
            {
                var now = time.GetUtcNow();
                var late = (await due.OverdueAsync(session, now, token)).Where(d => d.FlaggedAt is null).ToList();
                foreach (var incident in late.GroupBy(d => d.IncidentId))
                {
                    var stream = await session.Events.FetchForWriting<ReportLog>(ReportLog.StreamOf(incident.Key), token);
                    foreach (var report in incident)
                    {
                        stream.AppendOne(new ReportOverdueFlagged(report.IncidentId, report.Kind, report.DueAt, now));
                    }
                }

                return Result<int>.Ok(late.Count);
            },
            null, ct, OnLostRace.DecideAgain);
        return flagged.Value;
    }
}
