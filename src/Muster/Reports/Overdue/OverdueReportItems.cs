using Marten;
using Muster.Duty.OpenItems;
using Muster.Reports.Deadlines;
using Muster.Reports.Rendering;

namespace Muster.Reports.Overdue;

/// <summary>What a shift hands over of information reports: each report late at the handover.</summary>
public sealed class OverdueReportItems(IQuerySession session, ReportDueList due) : IOpenItemSource
{
    public async Task<IReadOnlyList<OpenItem>> OpenAtAsync(DateTimeOffset at, CancellationToken ct) =>
        (await due.OverdueAsync(session, at, ct))
            .Select(d => new OpenItem(OpenItemKind.ReportOverdue, d.IncidentId, $"{d.IncidentTitle}：{ReportWords.Of(d.Kind)}逾期未报", d.DueAt))
            .ToList();
}
