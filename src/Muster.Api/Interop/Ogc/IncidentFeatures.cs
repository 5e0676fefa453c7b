using System.Text.Json.Nodes;
using Marten;
using Muster.Api.GraphQL.Relay;
using Muster.Api.Incidents;
using Muster.Api.Spatial;
using Muster.Incidents;
using Muster.Infrastructure;

namespace Muster.Api.Interop.Ogc;

/// <summary>Incidents, as every role may read them; datetime filters the time they were reported.</summary>
public sealed class IncidentFeatures : OgcCollection
{
    public override string Id => "incidents";
    public override string Title => "Incidents";
    public override string Description => "Reported incidents with kind, response level (I is the most severe) and status, newest first.";
    public override string? Temporal => "reportedAt";

    public override Task<OgcPage> ItemsAsync(IQuerySession session, Actor viewer, OgcItemsQuery query, CancellationToken ct)
    {
        var incidents = session.Query<Incident>().AsQueryable();
        if (query.Bbox is { } b)
        {
            incidents = incidents.Where(i => i.Location.Lat >= b.South && i.Location.Lat <= b.North && i.Location.Lon >= b.West && i.Location.Lon <= b.East);
        }

        if (query.From is { } from)
        {
            incidents = incidents.Where(i => i.ReportedAt >= from);
        }

        if (query.To is { } to)
        {
            incidents = incidents.Where(i => i.ReportedAt <= to);
        }

        return PageAsync(incidents.OrderByDescending(i => i.ReportedAt).ThenByDescending(i => i.Id), query, Feature, ct);
    }

    public override async Task<JsonObject?> ItemAsync(IQuerySession session, Actor viewer, string featureId, CancellationToken ct) =>
        GlobalId.Of(IncidentType.TypeName, featureId) is { } id && await session.LoadAsync<Incident>(id, ct) is { } incident
            ? Feature(incident)
            : null;

    private static JsonObject Feature(Incident i) => GeoJson.Feature(GlobalId.Encode(IncidentType.TypeName, i.Id), i.Location, new JsonObject
    {
        ["title"] = i.Title,
        ["kind"] = ApiNames.Of(i.Kind),
        ["level"] = ApiNames.Of(i.Level),
        ["status"] = ApiNames.Of(i.Status),
        ["reportedAt"] = i.ReportedAt.ToString("O"),
        ["closedAt"] = i.ClosedAt?.ToString("O"),
    });
}
