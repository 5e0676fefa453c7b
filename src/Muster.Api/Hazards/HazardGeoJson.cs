using System.Text.Json.Nodes;
using Muster.Hazards;
using Muster.Spatial;

namespace Muster.Api.Hazards;

/// <summary>A site's shape in GeoJSON, out (features, the console's layer) and in (registerHazardSite's geometry).</summary>
public static class HazardGeoJson
{
    public static JsonObject Geometry(HazardSite site) => site.Line is { } line
        ? new JsonObject { ["type"] = "LineString", ["coordinates"] = new JsonArray([.. line.Select(p => (JsonNode)new JsonArray(p.Lon, p.Lat))]) }
        : new JsonObject { ["type"] = "Point", ["coordinates"] = new JsonArray(site.Location.Lon, site.Location.Lat) };

    /// <summary>A GeoJSON Point or LineString geometry as positions, or why not (a VALIDATION message for the field <c>geometry</c>).</summary>
    public static (GeoPoint? Point, IReadOnlyList<GeoPoint>? Line, string? Error) Parse(string text)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(text);
        }
        catch (System.Text.Json.JsonException e)
        {
            return (null, null, "is not GeoJSON: " + e.Message);
        }

        var type = (node as JsonObject)?["type"] is JsonValue t && t.TryGetValue<string>(out var s) ? s : null;
        var coordinates = (node as JsonObject)?["coordinates"];
        switch (type)
        {
            case "Point" when Position(coordinates) is { } point:
                return (point, null, null);
            case "LineString" when coordinates is JsonArray positions:
                var line = positions.Select(Position).ToList();
                return line.All(p => p is not null) ? (null, [.. line.Select(p => p!.Value)], null) : (null, null, "has a LineString position that is not [longitude, latitude]");
            case "Point" or "LineString":
                return (null, null, $"is a {type} without valid coordinates ([longitude, latitude] numbers)");
            default:
                return (null, null, "must be a GeoJSON Point or LineString geometry");
        }
    }

    private static GeoPoint? Position(JsonNode? node) =>
        node is JsonArray { Count: 2 or 3 } a && a[0] is JsonValue x && a[1] is JsonValue y && x.TryGetValue<double>(out var lon) && y.TryGetValue<double>(out var lat)
            ? new GeoPoint(lat, lon)
            : null;
}
