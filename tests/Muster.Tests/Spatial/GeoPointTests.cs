using Muster.Spatial;

namespace Muster.Tests.Spatial;

public sealed class GeoPointTests
{
    [Theory]
    [InlineData(36.5683, 111.7231)]
    [InlineData(90, 180)]
    [InlineData(-90, -180)]
    [InlineData(0, 0)]
    public void A_position_on_the_globe_is_accepted(double lat, double lon) =>
        Assert.Null(GeoPoint.Check(lat, lon));

    [Theory]
    [InlineData(123, 111.7, "latitude")]
    [InlineData(-90.0001, 111.7, "latitude")]
    [InlineData(double.NaN, 111.7, "latitude")]
    [InlineData(double.PositiveInfinity, 111.7, "latitude")]
    [InlineData(36.5, 200, "longitude")]
    [InlineData(36.5, -180.0001, "longitude")]
    [InlineData(36.5, double.NaN, "longitude")]
    public void A_position_off_the_globe_is_a_validation_error_naming_the_axis(double lat, double lon, string axis)
    {
        var error = GeoPoint.Check(lat, lon, "deliverTo");

        Assert.NotNull(error);
        Assert.Equal("VALIDATION", error.Code);
        Assert.Equal("deliverTo", error.Field);
        Assert.StartsWith(axis, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Points_keep_x_as_longitude_and_y_as_latitude_in_wgs84()
    {
        var point = new GeoPoint(36.57, 111.72).ToPoint();

        Assert.Equal(111.72, point.X);
        Assert.Equal(36.57, point.Y);
        Assert.Equal(4326, point.SRID);
        Assert.Equal(new GeoPoint(36.57, 111.72), GeoPoint.FromPoint(point));
    }
}
