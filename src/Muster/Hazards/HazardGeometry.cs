using Muster.Infrastructure;
using Muster.Spatial;
using NetTopologySuite.Geometries;
using NetTopologySuite.LinearReferencing;

namespace Muster.Hazards;

/// <summary>
/// Where a site is: a point, or a line (a river section) kept with its vertices and a representative point, the
/// middle of the line along its length, which is what "where is it" means for jurisdiction, distance and coverage.
/// </summary>
public sealed record HazardShape(GeoPoint Location, IReadOnlyList<GeoPoint>? Line);

public static class HazardGeometry
{
    public const int MaxVertices = 500;

    /// <summary>The shape given either as a point (<paramref name="location"/>) or as a line (<paramref name="line"/>), checked.</summary>
    public static Result<HazardShape> Of(GeoPoint? location, IReadOnlyList<GeoPoint>? line)
    {
        if (location is not null && line is not null)
        {
            return DomainError.Validation("give a site either a location (a point) or a geometry (a line), not both", "geometry");
        }

        if (location is { } point)
        {
            return GeoPoint.Check(point.Lat, point.Lon, "location") is { } invalid ? invalid : new HazardShape(point, null);
        }

        if (line is null)
        {
            return DomainError.Validation("a site needs a location (a point) or a geometry (a GeoJSON Point or LineString)", "location");
        }

        if (line.Count is < 2 or > MaxVertices)
        {
            return DomainError.Validation($"a line has 2 to {MaxVertices} positions, got {line.Count}", "geometry");
        }

        foreach (var p in line)
        {
            if (GeoPoint.Check(p.Lat, p.Lon) is not null)
            {
                return DomainError.Validation($"has a position off the globe: [{p.Lon}, {p.Lat}] (GeoJSON is [longitude, latitude])", "geometry");
            }
        }

        var geometry = new LineString([.. line.Select(p => new Coordinate(p.Lon, p.Lat))]);
        if (geometry.Length == 0)
        {
            return DomainError.Validation("a line's positions must not all be the same point", "geometry");
        }

        var middle = new LengthIndexedLine(geometry).ExtractPoint(geometry.Length / 2);
        return new HazardShape(new GeoPoint(Math.Round(middle.Y, 6), Math.Round(middle.X, 6)), line);
    }

    /// <summary>The positions that must lie in the county: the point, or every vertex of the line.</summary>
    public static IEnumerable<GeoPoint> Positions(HazardShape shape) => shape.Line ?? [shape.Location];
}
