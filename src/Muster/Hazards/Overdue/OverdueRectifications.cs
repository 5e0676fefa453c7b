using Marten;
using Muster.Infrastructure;
using Muster.Infrastructure.Writing;
using Quartz;

namespace Muster.Hazards.Overdue;

/// <summary>
/// Every minute: a hidden danger whose rectification deadline has passed unrectified gets a
/// <see cref="RectificationWentOverdue"/>, once (it is then OVERDUE, and the job passes it by); the duty desk hears of
/// it through the <c>rectificationOverdue</c> subscription. Clustered: one replica runs it. A danger rectified while
/// the job looks at it is left alone (its stream is fetched for writing, and a lost race is simply retried next run).
/// </summary>
[DisallowConcurrentExecution]
public sealed class OverdueRectifications(IDocumentStore store, EventWriter writer, TimeProvider time) : IJob
{
    public static readonly JobKey Key = new("overdue-rectifications", "hazards");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await RunAsync(cancellationToken);

    /// <summary>Raises what is overdue now; answers how many dangers went overdue in this run.</summary>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        IReadOnlyList<Guid> due;
        await using (var session = store.QuerySession())
        {
            due = await session.Query<HiddenDanger>()
                .Where(d => d.Status == DangerStatus.Open && d.Deadline < now)
                .OrderBy(d => d.Deadline).Select(d => d.Id).ToListAsync(ct);
        }

        var job = writer.ActingAs(Actor.Job("overdue-rectifications"));
        var raised = 0;
        foreach (var id in due)
        {
            var written = await job.ChangeAsync<HiddenDanger, RectificationWentOverdue>(id,
                (danger, _) => danger is { Status: DangerStatus.Open } && danger.Deadline < now
                    ? new RectificationWentOverdue(danger.Id, danger.Deadline, now)
                    : Result<RectificationWentOverdue>.Ok(null!),
                null, ct);
            raised += written.Succeeded && written.Value!.WentOverdueAt == now ? 1 : 0;
        }

        return raised;
    }
}
