using GraphQL;
using GraphQL.Types;
using Muster.Spatial;

namespace Muster.Api.GraphQL.Scalars;

/// <summary>
/// A position given by a client. Checked before anything reaches PostGIS, which would silently wrap
/// an out-of-range latitude instead of refusing it.
/// </summary>
public sealed class GeoPointInputType : InputObjectGraphType<GeoPoint>
{
    public GeoPointInputType()
    {
        Name = "GeoPointInput";
        Description = "A position in WGS84 degrees: lat -90..90, lon -180..180, both finite.";
        Field<NonNullGraphType<FloatGraphType>>("lat").Description("Latitude, -90..90.")
            .Validate(value => Check((double)value, 0));
        Field<NonNullGraphType<FloatGraphType>>("lon").Description("Longitude, -180..180.")
            .Validate(value => Check(0, (double)value));
    }

    public override object ParseDictionary(IDictionary<string, object?> value) =>
        new GeoPoint(Convert.ToDouble(value["lat"], System.Globalization.CultureInfo.InvariantCulture),
            Convert.ToDouble(value["lon"], System.Globalization.CultureInfo.InvariantCulture));

    private static void Check(double lat, double lon)
    {
        if (GeoPoint.Check(lat, lon) is { } error)
        {
            throw new InvalidOperationException(error.Message);
        }
    }
}
