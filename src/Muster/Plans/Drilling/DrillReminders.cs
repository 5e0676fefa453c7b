using Marten;
using Muster.Infrastructure;
using Muster.Infrastructure.Writing;
using Quartz;

namespace Muster.Plans.Drilling;

/// <summary>
/// Every six hours: a plan whose drill has fallen due gets a <see cref="DrillReminderIssued"/> for that due date, once, so
/// the history shows the bureau was reminded; the duty desk then lists the plan as due, to be started with <c>startDrill</c>
/// (<see cref="Muster.Drills.DrillItems"/>), and ending that drill records it and moves the due date on. Clustered: one replica runs it.
/// </summary>
[DisallowConcurrentExecution]
public sealed class DrillReminders(EventWriter writer, TimeProvider time) : IJob
{
    public static readonly JobKey Key = new("drill-reminders", "plans");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await RunAsync(cancellationToken);

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var reminded = await writer.ActingAs(Actor.Job("drill-reminders")).RunAsync(
            async (session, _, token) =>
            {
                var plans = await session.Query<Plan>().Where(p => p.DrillIntervalDays != null).ToListAsync(token);
                var due = plans.Where(p => p.NextDrillDue <= today && p.RemindedFor != p.NextDrillDue).ToList();
                foreach (var plan in due)
                {
                    session.Events.Append(plan.Id, new DrillReminderIssued(plan.Id, plan.NextDrillDue!.Value));
                }

                return Result<int>.Ok(due.Count);
            },
            null, ct);
        return reminded.Value;
    }
}
