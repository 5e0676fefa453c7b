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

    /// <summary>
    /// Great-circle distance on a sphere of the mean Earth radius: within about 0.5% of the geodesic, good
    /// enough to filter live updates in memory. Rankings use PostGIS geography, which is geodesic.
    /// </summary>
    public double ApproximateMetersTo(GeoPoint other)
    {
        const double earthRadius = 6_371_008.8;
        static double Rad(double degrees) => degrees * Math.PI / 180;
        var dLat = Rad(other.Lat - Lat);
        var dLon = Rad(other.Lon - Lon);
        var h = Math.Pow(Math.Sin(dLat / 2), 2) + Math.Cos(Rad(Lat)) * Math.Cos(Rad(other.Lat)) * Math.Pow(Math.Sin(dLon / 2), 2);
        return 2 * earthRadius * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }

    public Point ToPoint() => new(Lon, Lat) { SRID = Srid };

    public static GeoPoint FromPoint(Point point) => new(point.Y, point.X);
}
