using Marten;
using Microsoft.Extensions.DependencyInjection;
using Muster.Catalog;
using Muster.Dispatch;
using Muster.Experts;
using Muster.Incidents;
using Muster.Jurisdictions;
using Muster.Requests;
using Muster.Units;

namespace Muster.Reports.Drafting;

/// <summary>Reads what a report is drafted from: the incident's stream, what was sent to it, and where it lies.</summary>
public sealed class IncidentFactsReader(IServiceProvider services)
{
    /// <summary>The facts as of now in <paramref name="session"/> (a write's own session when filing); null when there is no such incident.</summary>
    public async Task<IncidentFacts?> ReadAsync(IQuerySession session, Guid incidentId, CancellationToken ct)
    {
        var incident = await session.LoadAsync<Incident>(incidentId, ct);
        if (incident is null)
        {
            return null;
        }

        var events = await session.Events.FetchStreamAsync(incidentId, token: ct);
        var timeline = events.Select(e => new TimelineEntry(e.Timestamp, e.Data)).ToList();
        var approved = timeline.Select(t => t.Data).OfType<DispatchApproved>().ToList();
        var unitIds = approved.SelectMany(a => a.UnitIds).Distinct().ToArray();
        var expertIds = approved.SelectMany(a => a.ExpertIds).Distinct().ToArray();
        var units = unitIds.Length == 0 ? [] : await session.LoadManyAsync<RescueUnit>(ct, unitIds);
        var experts = expertIds.Length == 0 ? [] : await session.LoadManyAsync<Expert>(ct, expertIds);
        var requests = await session.Query<SupplyRequest>().Where(r => r.IncidentId == incidentId).OrderBy(r => r.RequestedAt).ToListAsync(ct);
        var codes = requests.SelectMany(r => r.Lines.Select(l => l.ItemCode)).Distinct().Select(ItemCode.StreamId).ToArray();
        var items = codes.Length == 0 ? [] : await session.LoadManyAsync<Item>(ct, codes);
        var log = await session.LoadAsync<ReportLog>(ReportLog.StreamOf(incidentId), ct);
        // The supervision network names the place; without it (or outside the county) the report gives coordinates only.
        var directory = services.GetService<IJurisdictionDirectory>();
        var jurisdiction = directory is null ? null : await directory.AtAsync(incident.Location, ct);
        return new IncidentFacts(incident, timeline,
            unitIds.Select(id => units.FirstOrDefault(u => u.Id == id)).OfType<RescueUnit>().ToList(),
            expertIds.Select(id => experts.FirstOrDefault(x => x.Id == id)).OfType<Expert>().ToList(),
            requests, items.ToList(), jurisdiction, log);
    }
}
