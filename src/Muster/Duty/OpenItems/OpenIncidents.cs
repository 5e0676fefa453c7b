using Marten;
using Muster.Incidents;

namespace Muster.Duty.OpenItems;

/// <summary>Incidents not closed: the next shift takes them over.</summary>
public sealed class OpenIncidents(IQuerySession session) : IOpenItemSource
{
    public async Task<IReadOnlyList<OpenItem>> OpenAtAsync(DateTimeOffset at, CancellationToken ct)
    {
        var open = await session.Query<Incident>()
            .Where(i => i.Status != IncidentStatus.Closed && i.ReportedAt <= at)
            .OrderBy(i => i.ReportedAt).Take(500).ToListAsync(ct);
        return [.. open.Select(i => new OpenItem(OpenItemKind.IncidentOpen, i.Id, $"{i.Title} ({i.Kind}, level {i.Level}, {i.Status})", null))];
    }
}
