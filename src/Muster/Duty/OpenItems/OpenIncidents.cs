using Marten;
using Muster.Incidents;
using Muster.Reports.Rendering;

namespace Muster.Duty.OpenItems;

/// <summary>Incidents not closed: the next shift takes them over. Summarised in the words of the bureau's forms.</summary>
public sealed class OpenIncidents(IQuerySession session) : IOpenItemSource
{
    public async Task<IReadOnlyList<OpenItem>> OpenAtAsync(DateTimeOffset at, CancellationToken ct)
    {
        var open = await session.Query<Incident>()
            .Where(i => i.Status != IncidentStatus.Closed && i.ReportedAt <= at)
            .OrderBy(i => i.ReportedAt).Take(500).ToListAsync(ct);
        return [.. open.Select(i => new OpenItem(OpenItemKind.IncidentOpen, i.Id, $"{i.Title}（{ReportWords.Of(i.Kind)}，{ReportWords.Of(i.Level)}，{ReportWords.Of(i.Status)}）", null))];
    }
}
