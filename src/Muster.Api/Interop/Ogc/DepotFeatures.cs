using System.Text.Json.Nodes;
using Marten;
using Muster.Api.Depots;
using Muster.Api.GraphQL.Relay;
using Muster.Api.Spatial;
using Muster.Depots;
using Muster.Infrastructure;

namespace Muster.Api.Interop.Ogc;

/// <summary>Open depots; a partner sees the shared pool and its own agency's, as in the GraphQL register.</summary>
public sealed class DepotFeatures : OgcCollection
{
    public override string Id => "depots";
    public override string Title => "Depots";
    public override string Description => "Open supply depots (物资储备库): the shared pool and, for a partner, its own agency's.";

    public override Task<OgcPage> ItemsAsync(IQuerySession session, Actor viewer, OgcItemsQuery query, CancellationToken ct)
    {
        var depots = Visible(session, viewer);
        if (query.Bbox is { } b)
        {
            depots = depots.Where(d => d.Location.Lat >= b.South && d.Location.Lat <= b.North && d.Location.Lon >= b.West && d.Location.Lon <= b.East);
        }

        return PageAsync(depots.OrderBy(d => d.Name).ThenBy(d => d.Id), query, Feature, ct);
    }

    public override async Task<JsonObject?> ItemAsync(IQuerySession session, Actor viewer, string featureId, CancellationToken ct) =>
        GlobalId.Of(DepotType.TypeName, featureId) is { } id && await Visible(session, viewer).FirstOrDefaultAsync(d => d.Id == id, ct) is { } depot
            ? Feature(depot)
            : null;

    private static IQueryable<Depot> Visible(IQuerySession session, Actor viewer) =>
        session.Query<Depot>().VisibleTo(viewer).Where(d => !d.Closed);

    private static JsonObject Feature(Depot d) => GeoJson.Feature(GlobalId.Encode(DepotType.TypeName, d.Id), d.Location, new JsonObject
    {
        ["name"] = d.Name,
        ["address"] = d.Address,
        ["shared"] = d.Shared,
        ["agencyId"] = GlobalId.Encode(GlobalId.Agency, d.AgencyId),
        ["registeredAt"] = d.RegisteredAt.ToString("O"),
    });
}
