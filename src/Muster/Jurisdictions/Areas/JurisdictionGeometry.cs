using System.Text.Json;
using Muster.Infrastructure;
using Muster.Spatial;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;
using NetTopologySuite.Operation.Valid;

namespace Muster.Jurisdictions.Areas;

/// <summary>Areas of jurisdictions as GeoJSON (WGS84 degrees, [longitude, latitude]): read and checked, written back.</summary>
public static class JurisdictionGeometry
{
    /// <summary>The widest a jurisdiction may be, in degrees of longitude and of latitude (a county spans well under one).</summary>
    public const double MaxSpanDegrees = 10;

    /// <summary>At most this many vertices in one boundary.</summary>
    public const int MaxVertices = 20_000;

    public static readonly GeometryFactory Factory = new(new PrecisionModel(), GeoPoint.Srid);

    private static readonly JsonSerializerOptions Options = new()
    {
        Converters = { new GeoJsonConverterFactory(Factory) },
    };

    /// <summary>A GeoJSON Polygon or MultiPolygon geometry, valid and on the globe; or a VALIDATION error on <paramref name="field"/> saying why not.</summary>
    public static Result<Geometry> ParseArea(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return DomainError.Validation($"{field} must be a GeoJSON Polygon or MultiPolygon", field);
        }

        if (text.Length > MaxVertices * 50)
        {
            return DomainError.Validation($"{field} is too long: at most {MaxVertices} vertices", field);
        }

        Geometry? geometry;
        try
        {
            geometry = JsonSerializer.Deserialize<Geometry>(text, Options);
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException or NotSupportedException or FormatException)
        {
            return DomainError.Validation(
                e.Message.Contains("closed", StringComparison.OrdinalIgnoreCase)
                    ? $"{field} has a ring that is not closed (its last position must repeat its first)"
                    : $"{field} is not a GeoJSON geometry: {e.Message}",
                field);
        }

        if (geometry is not (Polygon or MultiPolygon) || geometry.IsEmpty)
        {
            return DomainError.Validation(
                $"{field} must be a GeoJSON Polygon or MultiPolygon, got {(geometry is null ? "nothing" : geometry.GeometryType)}", field);
        }

        if (geometry.NumPoints > MaxVertices)
        {
            return DomainError.Validation($"{field} has {geometry.NumPoints} vertices; at most {MaxVertices}", field);
        }

        if (geometry.Coordinates.FirstOrDefault(c => GeoPoint.Check(c.Y, c.X) is not null) is { } off)
        {
            return DomainError.Validation($"{field} has a position off the globe: [{off.X}, {off.Y}] (GeoJSON is [longitude, latitude])", field);
        }

        var extent = geometry.EnvelopeInternal;
        if (extent.Width > MaxSpanDegrees || extent.Height > MaxSpanDegrees)
        {
            return DomainError.Validation($"{field} spans {extent.Width:0.#}° by {extent.Height:0.#}°; a jurisdiction spans at most {MaxSpanDegrees}°", field);
        }

        var validity = new IsValidOp(geometry).ValidationError;
        if (validity is not null)
        {
            return DomainError.Validation(
                $"{field} is not a valid polygon: {validity.Message} at [{validity.Coordinate?.X}, {validity.Coordinate?.Y}]", field);
        }

        geometry.SRID = GeoPoint.Srid;
        return geometry;
    }

    /// <summary>A stored area (GeoJSON written by <see cref="Write"/>), trusted.</summary>
    public static Geometry Read(string geoJson)
    {
        var geometry = JsonSerializer.Deserialize<Geometry>(geoJson, Options)!;
        geometry.SRID = GeoPoint.Srid;
        return geometry;
    }

    public static string Write(Geometry geometry) => JsonSerializer.Serialize(geometry, Options);

    /// <summary>
    /// True when two areas share more than about a square metre (touching along a border, or a border drawn a hair
    /// across the neighbour's, is not overlapping).
    /// </summary>
    public static bool Overlap(Geometry a, Geometry b) =>
        a.EnvelopeInternal.Intersects(b.EnvelopeInternal) && a.Relate(b, "T********") && a.Intersection(b).Area > 1e-10;

    /// <summary>True when <paramref name="inner"/> lies within <paramref name="outer"/>, allowing a border drawn about a metre off.</summary>
    public static bool Within(Geometry inner, Geometry outer) => outer.Buffer(1e-5).Covers(inner);
}
