using Marten;
using Muster.Infrastructure;
using Quartz;

namespace Muster.Plans.Drilling;

/// <summary>
/// Every six hours: a plan whose drill has fallen due gets a <see cref="DrillReminderIssued"/> for that due date, once, so
/// the history shows the bureau was reminded; recording a drill moves the due date on. Clustered: one replica runs it.
/// </summary>
[DisallowConcurrentExecution]
public sealed class DrillReminders(IDocumentStore store, TimeProvider time) : IJob
{
    public static readonly JobKey Key = new("drill-reminders", "plans");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await RunAsync(cancellationToken);

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        await using var session = store.LightweightSession();
        ActorMetadata.Stamp(session, Actor.Job("drill-reminders"));
        var plans = await session.Query<Plan>().Where(p => p.DrillIntervalDays != null).ToListAsync(ct);
        var due = plans.Where(p => p.NextDrillDue <= today && p.RemindedFor != p.NextDrillDue).ToList();
        foreach (var plan in due)
        {
            session.Events.Append(plan.Id, new DrillReminderIssued(plan.Id, plan.NextDrillDue!.Value));
        }

        if (due.Count > 0)
        {
            await session.SaveChangesAsync(ct);
        }

        return due.Count;
    }
}
