using System.Text.Json.Nodes;
using Marten;
using Muster.Api.GraphQL.Relay;
using Muster.Api.Interop.Ogc;
using Muster.Infrastructure;
using Muster.Jurisdictions;
using Muster.Jurisdictions.Areas;
using NetTopologySuite.Geometries;
using Npgsql;

namespace Muster.Api.Jurisdictions;

/// <summary>
/// The supervision network as polygons for GIS tools: each jurisdiction's area (drawn, or derived and marked
/// <c>approximate</c>) with its level, parent and responsible persons; a partner gets the jurisdictions its agency maintains.
/// </summary>
public sealed class JurisdictionFeatures(NpgsqlDataSource database) : OgcCollection
{
    public override string Id => "jurisdictions";
    public override string Title => "Jurisdictions";
    public override string Description => "The safety supervision network (安全监管网络): county, townships and street offices, villages; areas drawn or approximate (derived from seats), with responsible persons.";

    public override async Task<OgcPage> ItemsAsync(IQuerySession session, Actor viewer, OgcItemsQuery query, CancellationToken ct)
    {
        var visible = await VisibleAsync(session, viewer, ct);
        if (query.Bbox is { } b)
        {
            var box = new Envelope(b.West, b.East, b.South, b.North);
            visible = visible.Where(j => Geometry(j) is { } g && g.EnvelopeInternal.Intersects(box)
                && g.Intersects(JurisdictionGeometry.Factory.ToGeometry(box))).ToList();
        }

        return new OgcPage([.. visible.Skip(query.Offset).Take(query.Limit).Select(Feature)], visible.Count);
    }

    public override async Task<JsonObject?> ItemAsync(IQuerySession session, Actor viewer, string featureId, CancellationToken ct) =>
        GlobalId.Of(JurisdictionType.TypeName, featureId) is { } id
            && (await VisibleAsync(session, viewer, ct)).FirstOrDefault(j => j.Id == id) is { } jurisdiction
            ? Feature(jurisdiction)
            : null;

    private async Task<IReadOnlyList<Jurisdiction>> VisibleAsync(IQuerySession session, Actor viewer, CancellationToken ct)
    {
        var maintained = await new JurisdictionDirectory(database, session).MaintainedAsync(viewer, ct);
        var all = await session.Query<Jurisdiction>().OrderBy(j => j.Level).ThenBy(j => j.Name).ThenBy(j => j.Id).ToListAsync(ct);
        return all.Where(j => JurisdictionVisibility.MaySee(viewer, j.Id, maintained)).ToList();
    }

    private static Geometry? Geometry(Jurisdiction j) =>
        j.Area is { } area ? JurisdictionGeometry.Read(area) : j.Seat?.ToPoint();

    private static JsonObject Feature(Jurisdiction j) => new()
    {
        ["type"] = "Feature",
        ["id"] = GlobalId.Encode(JurisdictionType.TypeName, j.Id),
        ["geometry"] = j.Area is { } area ? JsonNode.Parse(area)
            : j.Seat is { } seat ? new JsonObject { ["type"] = "Point", ["coordinates"] = new JsonArray(seat.Lon, seat.Lat) }
            : null,
        ["properties"] = new JsonObject
        {
            ["name"] = j.Name,
            ["level"] = j.Level.ToString().ToUpperInvariant(),
            ["parentId"] = j.ParentId is { } parent ? GlobalId.Encode(JurisdictionType.TypeName, parent) : null,
            ["agencyId"] = j.AgencyId is { } agency ? GlobalId.Encode(GlobalId.Agency, agency) : null,
            ["approximate"] = j.Approximate,
            ["responsiblePersons"] = new JsonArray([.. j.Persons.Select(p => new JsonObject { ["role"] = p.Role, ["name"] = p.Name, ["phone"] = p.Phone })]),
            ["enterprises"] = new JsonArray([.. j.Enterprises.Select(e => JsonValue.Create(e.Name))]),
            ["registeredAt"] = j.RegisteredAt.ToString("O"),
        },
    };
}
