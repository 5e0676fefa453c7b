using Muster.Infrastructure;
using NetTopologySuite.Geometries;

namespace Muster.Spatial;

/// <summary>A WGS84 position in degrees. Validated here because PostGIS geography silently wraps a bad latitude.</summary>
public readonly record struct GeoPoint(double Lat, double Lon)
{
    public const int Srid = 4326;

    public static DomainError? Check(double lat, double lon, string field = "location")
    {
        if (!double.IsFinite(lat) || lat is < -90 or > 90)
        {
            return DomainError.Validation($"latitude must be a finite number between -90 and 90, got {lat}", field);
        }

        if (!double.IsFinite(lon) || lon is < -180 or > 180)
        {
            return DomainError.Validation($"longitude must be a finite number between -180 and 180, got {lon}", field);
        }

        return null;
    }

    public Point ToPoint() => new(Lon, Lat) { SRID = Srid };

    public static GeoPoint FromPoint(Point point) => new(point.Y, point.X);
}
