using System.Text.Json.Nodes;
using Marten;
using Muster.Api.GraphQL.Relay;
using Muster.Api.Spatial;
using Muster.Api.Units;
using Muster.Infrastructure;
using Muster.Units;

namespace Muster.Api.Interop.Ogc;

/// <summary>Rescue units at their last accepted position; a partner sees its own agency's. datetime filters positionAt.</summary>
public sealed class UnitFeatures : OgcCollection
{
    public override string Id => "units";
    public override string Title => "Rescue units";
    public override string Description => "Rescue units at their last accepted position, with kind, status and capabilities.";
    public override string? Temporal => "positionAt";

    public override Task<OgcPage> ItemsAsync(IQuerySession session, Actor viewer, OgcItemsQuery query, CancellationToken ct)
    {
        var units = Visible(session, viewer);
        if (query.Bbox is { } b)
        {
            units = units.Where(u => u.Location.Lat >= b.South && u.Location.Lat <= b.North && u.Location.Lon >= b.West && u.Location.Lon <= b.East);
        }

        if (query.From is { } from)
        {
            units = units.Where(u => u.PositionAt >= from);
        }

        if (query.To is { } to)
        {
            units = units.Where(u => u.PositionAt <= to);
        }

        return PageAsync(units.OrderBy(u => u.Name).ThenBy(u => u.Id), query, Feature, ct);
    }

    public override async Task<JsonObject?> ItemAsync(IQuerySession session, Actor viewer, string featureId, CancellationToken ct) =>
        GlobalId.Of(RescueUnitType.TypeName, featureId) is { } id && await Visible(session, viewer).FirstOrDefaultAsync(u => u.Id == id, ct) is { } unit
            ? Feature(unit)
            : null;

    private static IQueryable<RescueUnit> Visible(IQuerySession session, Actor viewer) =>
        session.Query<RescueUnit>().VisibleTo(viewer);

    private static JsonObject Feature(RescueUnit u) => GeoJson.Feature(GlobalId.Encode(RescueUnitType.TypeName, u.Id), u.Location, new JsonObject
    {
        ["name"] = u.Name,
        ["kind"] = ApiNames.Of(u.Kind),
        ["type"] = ApiNames.Of(u.Type),
        ["status"] = ApiNames.Of(u.Status),
        ["capabilities"] = ApiNames.List(u.Capabilities),
        ["crewSize"] = u.CrewSize,
        ["agencyId"] = GlobalId.Encode(GlobalId.Agency, u.AgencyId),
        ["positionAt"] = u.PositionAt?.ToString("O"),
        ["positionStale"] = u.PositionStale,
    });
}
