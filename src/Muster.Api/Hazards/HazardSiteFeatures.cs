using System.Text.Json.Nodes;
using Marten;
using Muster.Api.GraphQL.Relay;
using Muster.Api.Interop;
using Muster.Api.Interop.Ogc;
using Muster.Hazards;
using Muster.Infrastructure;
using Muster.Jurisdictions;

namespace Muster.Api.Hazards;

/// <summary>
/// The hazard ledger's sites as OGC features: points, and river sections as LineStrings, with their risk colour; what
/// the caller's <see cref="HazardScope"/> sees (an API key sees what its agency's partner token would: a township its own).
/// A bbox selects by the site's representative point.
/// </summary>
public sealed class HazardSiteFeatures(IServiceScopeFactory scopes) : OgcCollection
{
    public override string Id => "hazard-sites";
    public override string Title => "Hazard sites";
    public override string Description => "Sites of the hazard ledger (风险隐患台账) with kind and four-colour risk level (RED ORANGE YELLOW BLUE), reddest first.";

    public override async Task<OgcPage> ItemsAsync(IQuerySession session, Actor viewer, OgcItemsQuery query, CancellationToken ct)
    {
        var sites = HazardQueries.Visible(session.Query<HazardSite>(), await ScopeAsync(viewer, ct));
        if (query.Bbox is { } b)
        {
            sites = sites.Where(s => s.Location.Lat >= b.South && s.Location.Lat <= b.North && s.Location.Lon >= b.West && s.Location.Lon <= b.East);
        }

        return await PageAsync(sites.OrderBy(s => s.RiskLevel).ThenBy(s => s.Name).ThenBy(s => s.Id), query, Feature, ct);
    }

    public override async Task<JsonObject?> ItemAsync(IQuerySession session, Actor viewer, string featureId, CancellationToken ct) =>
        GlobalId.Of(HazardSiteType.TypeName, featureId) is { } id
        && await session.LoadAsync<HazardSite>(id, ct) is { } site
        && (await ScopeAsync(viewer, ct)).MaySee(site.JurisdictionId)
            ? Feature(site)
            : null;

    private async Task<HazardScope> ScopeAsync(Actor viewer, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await HazardScope.OfAsync(viewer, scope.ServiceProvider.GetRequiredService<IJurisdictionDirectory>(), ct);
    }

    public static JsonObject Feature(HazardSite s) => new()
    {
        ["type"] = "Feature",
        ["id"] = GlobalId.Encode(HazardSiteType.TypeName, s.Id),
        ["geometry"] = HazardGeoJson.Geometry(s),
        ["properties"] = new JsonObject
        {
            ["name"] = s.Name,
            ["kind"] = ApiNames.Of(s.Kind),
            ["riskLevel"] = ApiNames.Of(s.RiskLevel),
            ["jurisdictionId"] = GlobalId.Encode(HazardGraphIds.Jurisdiction, s.JurisdictionId),
            ["enterprise"] = s.Enterprise,
            ["incidentKinds"] = ApiNames.List(s.IncidentKinds.Select(k => ApiNames.Of(k))),
            ["registeredAt"] = s.RegisteredAt.ToString("O"),
        },
    };
}
