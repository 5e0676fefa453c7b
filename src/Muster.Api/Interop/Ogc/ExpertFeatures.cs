using System.Text.Json.Nodes;
using Marten;
using Muster.Api.Experts;
using Muster.Api.GraphQL.Relay;
using Muster.Api.Spatial;
using Muster.Experts;
using Muster.Infrastructure;

namespace Muster.Api.Interop.Ogc;

/// <summary>Experts and expert teams at their base; a partner sees its own agency's.</summary>
public sealed class ExpertFeatures : OgcCollection
{
    public override string Id => "experts";
    public override string Title => "Experts";
    public override string Description => "Experts and expert teams at their base, with specialties and availability.";

    public override Task<OgcPage> ItemsAsync(IQuerySession session, Actor viewer, OgcItemsQuery query, CancellationToken ct)
    {
        var experts = Visible(session, viewer);
        if (query.Bbox is { } b)
        {
            experts = experts.Where(e => e.Location.Lat >= b.South && e.Location.Lat <= b.North && e.Location.Lon >= b.West && e.Location.Lon <= b.East);
        }

        return PageAsync(experts.OrderBy(e => e.Name).ThenBy(e => e.Id), query, Feature, ct);
    }

    public override async Task<JsonObject?> ItemAsync(IQuerySession session, Actor viewer, string featureId, CancellationToken ct) =>
        GlobalId.Of(ExpertType.TypeName, featureId) is { } id && await Visible(session, viewer).FirstOrDefaultAsync(e => e.Id == id, ct) is { } expert
            ? Feature(expert)
            : null;

    private static IQueryable<Expert> Visible(IQuerySession session, Actor viewer) =>
        session.Query<Expert>().VisibleTo(viewer);

    private static JsonObject Feature(Expert e) => GeoJson.Feature(GlobalId.Encode(ExpertType.TypeName, e.Id), e.Location, new JsonObject
    {
        ["name"] = e.Name,
        ["kind"] = ApiNames.Of(e.Kind),
        ["specialties"] = ApiNames.List(e.Specialties),
        ["availability"] = ApiNames.Of(e.Availability),
        ["contact"] = e.Contact,
        ["agencyId"] = GlobalId.Encode(GlobalId.Agency, e.AgencyId),
    });
}
