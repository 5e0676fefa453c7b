using GraphQL.Types;
using Muster.Spatial;

namespace Muster.Api.GraphQL.Scalars;

public sealed class GeoPointType : ObjectGraphType<GeoPoint>
{
    public GeoPointType()
    {
        Name = "GeoPoint";
        Description = "A position in WGS84 degrees.";
        Field<NonNullGraphType<FloatGraphType>>("lat").Description("Latitude, -90..90.").Resolve(c => c.Source.Lat);
        Field<NonNullGraphType<FloatGraphType>>("lon").Description("Longitude, -180..180.").Resolve(c => c.Source.Lon);
    }
}
