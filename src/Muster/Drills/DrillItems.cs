using Marten;
using Muster.Duty.OpenItems;
using Muster.Plans;

namespace Muster.Drills;

/// <summary>
/// What a shift hands over of the drills: the plans whose drill has fallen due (what <see cref="Plans.Drilling.DrillReminders"/>
/// reminds of) and no drill of them runs, to be started with <c>startDrill</c>; and the drills running, to be ended.
/// </summary>
public sealed class DrillItems(IQuerySession session) : IOpenItemSource
{
    public async Task<IReadOnlyList<OpenItem>> OpenAtAsync(DateTimeOffset at, CancellationToken ct)
    {
        var running = await session.Query<Drill>().Where(d => d.Status == DrillStatus.Open).ToListAsync(ct);
        var today = DateOnly.FromDateTime(at.UtcDateTime);
        var plans = await session.Query<Plan>().Where(p => p.DrillIntervalDays != null).ToListAsync(ct);
        var due = plans.Where(p => p.NextDrillDue <= today && running.All(d => d.PlanId != p.Id)).OrderBy(p => p.NextDrillDue);
        return
        [
            .. due.Select(p => new OpenItem(OpenItemKind.DrillDue, p.Id, $"预案「{p.Name}」演练已到期（{p.NextDrillDue:yyyy-MM-dd}）：开始演练（startDrill）",
                new DateTimeOffset(p.NextDrillDue!.Value.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero))),
            .. running.OrderBy(d => d.StartedAt).Select(d => new OpenItem(OpenItemKind.DrillRunning, d.Id, $"演练进行中：{d.Name}（结束演练：endDrill）", null)),
        ];
    }
}
