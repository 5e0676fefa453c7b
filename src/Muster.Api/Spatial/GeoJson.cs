using System.Text.Json;
using System.Text.Json.Nodes;
using GraphQL;
using Muster.Spatial;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace Muster.Api.Spatial;

/// <summary>GeoJSON in and out, for GIS tools (QGIS, web maps): areas given as polygons, features given back.</summary>
public static class GeoJson
{
    /// <summary>The widest area a polygon may cover, in degrees of longitude and of latitude.</summary>
    public const double MaxSpanDegrees = 90;

    private static readonly JsonSerializerOptions Options = new() { Converters = { new GeoJsonConverterFactory() } };

    /// <summary>A GeoJSON Polygon geometry in WGS84, checked; a top-level VALIDATION error otherwise.</summary>
    public static Polygon ParsePolygon(string text, string field)
    {
        Geometry? geometry;
        try
        {
            geometry = JsonSerializer.Deserialize<Geometry>(text, Options);
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException or NotSupportedException)
        {
            throw Invalid(field, "is not GeoJSON: " + e.Message);
        }

        if (geometry is not Polygon polygon || polygon.IsEmpty)
        {
            throw Invalid(field, "must be a GeoJSON Polygon geometry");
        }

        if (polygon.Coordinates.FirstOrDefault(c => GeoPoint.Check(c.Y, c.X) is not null) is { } bad)
        {
            throw Invalid(field, $"has a position off the globe: [{bad.X}, {bad.Y}] (GeoJSON is [longitude, latitude])");
        }

        var extent = polygon.EnvelopeInternal;
        if (extent.Width > MaxSpanDegrees || extent.Height > MaxSpanDegrees)
        {
            // PostGIS geography joins vertices by great circles: past half the globe an area means something else than drawn.
            throw Invalid(field, $"spans {extent.Width:0.#}° of longitude and {extent.Height:0.#}° of latitude; an area spans at most {MaxSpanDegrees}° of each");
        }

        if (!polygon.IsValid)
        {
            throw Invalid(field, "is not a valid polygon (self-intersecting or not closed)");
        }

        return polygon;
    }

    public static JsonObject Feature(string id, GeoPoint point, JsonObject properties) => new()
    {
        ["type"] = "Feature",
        ["id"] = id,
        ["geometry"] = new JsonObject { ["type"] = "Point", ["coordinates"] = new JsonArray(point.Lon, point.Lat) },
        ["properties"] = properties,
    };

    public static string FeatureCollection(IEnumerable<JsonObject> features) =>
        new JsonObject { ["type"] = "FeatureCollection", ["features"] = new JsonArray([.. features]) }.ToJsonString();

    private static ExecutionError Invalid(string field, string message) => new($"{field} {message}") { Code = "VALIDATION" };
}
