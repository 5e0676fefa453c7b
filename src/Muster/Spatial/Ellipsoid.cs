namespace Muster.Spatial;

/// <summary>
/// Distances on the WGS84 ellipsoid (Vincenty's inverse formula), as PostGIS <c>ST_Distance(geography)</c> measures
/// them (they agree to the millimetre at a city's and a province's distances). For in-memory work over many pairs,
/// where a round trip per pair to PostGIS would cost more than the answer.
/// </summary>
public static class Ellipsoid
{
    private const double A = 6_378_137.0;
    private const double F = 1 / 298.257223563;
    private const double B = A * (1 - F);

    public static double Meters(GeoPoint from, GeoPoint to)
    {
        if (from == to)
        {
            return 0;
        }

        static double Rad(double degrees) => degrees * Math.PI / 180;
        var l = Rad(to.Lon - from.Lon);
        var u1 = Math.Atan((1 - F) * Math.Tan(Rad(from.Lat)));
        var u2 = Math.Atan((1 - F) * Math.Tan(Rad(to.Lat)));
        double sinU1 = Math.Sin(u1), cosU1 = Math.Cos(u1), sinU2 = Math.Sin(u2), cosU2 = Math.Cos(u2);
        var lambda = l;
        for (var i = 0; i < 200; i++)
        {
            double sinLambda = Math.Sin(lambda), cosLambda = Math.Cos(lambda);
            var sinSigma = Math.Sqrt(Math.Pow(cosU2 * sinLambda, 2) + Math.Pow((cosU1 * sinU2) - (sinU1 * cosU2 * cosLambda), 2));
            if (sinSigma == 0)
            {
                return 0;
            }

            var cosSigma = (sinU1 * sinU2) + (cosU1 * cosU2 * cosLambda);
            var sigma = Math.Atan2(sinSigma, cosSigma);
            var sinAlpha = cosU1 * cosU2 * sinLambda / sinSigma;
            var cos2Alpha = 1 - (sinAlpha * sinAlpha);
            var cos2SigmaM = cos2Alpha == 0 ? 0 : cosSigma - (2 * sinU1 * sinU2 / cos2Alpha);
            var c = F / 16 * cos2Alpha * (4 + (F * (4 - (3 * cos2Alpha))));
            var previous = lambda;
            lambda = l + ((1 - c) * F * sinAlpha * (sigma + (c * sinSigma * (cos2SigmaM + (c * cosSigma * (-1 + (2 * cos2SigmaM * cos2SigmaM)))))));
            if (Math.Abs(lambda - previous) < 1e-12)
            {
                var uSq = cos2Alpha * ((A * A) - (B * B)) / (B * B);
                var a = 1 + (uSq / 16384 * (4096 + (uSq * (-768 + (uSq * (320 - (175 * uSq)))))));
                var b = uSq / 1024 * (256 + (uSq * (-128 + (uSq * (74 - (47 * uSq))))));
                var deltaSigma = b * sinSigma * (cos2SigmaM + (b / 4 * ((cosSigma * (-1 + (2 * cos2SigmaM * cos2SigmaM)))
                    - (b / 6 * cos2SigmaM * (-3 + (4 * sinSigma * sinSigma)) * (-3 + (4 * cos2SigmaM * cos2SigmaM))))));
                return B * a * (sigma - deltaSigma);
            }
        }

        return from.ApproximateMetersTo(to); // nearly antipodal points: no city is that wide
    }
}
