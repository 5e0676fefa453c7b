using Marten;
using Muster.Incidents;

namespace Muster.Reports.Deadlines;

/// <summary>The reports incidents owe: one incident's, or every incident's that are late.</summary>
public sealed class ReportDueList(ReportsOptions options)
{
    public async Task<IReadOnlyList<ReportDue>> ForIncidentAsync(IQuerySession session, Incident incident, CancellationToken ct)
    {
        var log = await session.LoadAsync<ReportLog>(ReportLog.StreamOf(incident.Id), ct);
        return ReportSchedule.Due(incident, log, options.Deadlines);
    }

    /// <summary>Every report due at or before <paramref name="now"/> and not filed, earliest due first.</summary>
    public async Task<IReadOnlyList<ReportDue>> OverdueAsync(IQuerySession session, DateTimeOffset now, CancellationToken ct)
    {
        // Incidents whose final report is filed owe nothing: leave them out in the database.
        var logs = await session.Query<ReportLog>().ToListAsync(ct);
        var done = logs.Where(l => l.Final is not null).Select(l => l.IncidentId).ToArray();
        var open = await session.Query<Incident>().Where(i => !done.Contains(i.Id)).ToListAsync(ct);
        var byIncident = logs.ToDictionary(l => l.IncidentId);
        return open
            .SelectMany(i => ReportSchedule.Due(i, byIncident.GetValueOrDefault(i.Id), options.Deadlines))
            .Where(d => d.IsOverdue(now))
            .OrderBy(d => d.DueAt).ThenBy(d => d.IncidentId)
            .ToList();
    }
}
