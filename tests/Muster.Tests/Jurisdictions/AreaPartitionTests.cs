using Muster.Jurisdictions;
using Muster.Jurisdictions.Areas;
using Muster.Spatial;
using NetTopologySuite.Geometries;
using static Muster.Tests.Jurisdictions.Given;

namespace Muster.Tests.Jurisdictions;

public sealed class AreaPartitionTests
{
    private static readonly Geometry CountyArea = JurisdictionGeometry.Read(CountyBoundary);

    private static readonly (Guid Id, GeoPoint Seat)[] Seats =
    [
        (Guid.NewGuid(), new GeoPoint(36.5702, 111.7218)),
        (Guid.NewGuid(), new GeoPoint(36.529, 111.706)),
        (Guid.NewGuid(), new GeoPoint(36.62, 111.76)),
        (Guid.NewGuid(), new GeoPoint(36.56, 111.635)),
    ];

    [Fact]
    public void Given_township_seats_when_deriving_then_their_areas_tile_the_county_each_holding_its_seat()
    {
        var areas = AreaPartition.Derive(CountyArea, [], Seats, JurisdictionLevel.Township);

        var union = areas.Values.Aggregate((a, b) => a!.Union(b))!;
        Assert.Equal(CountyArea.Area, union.Area, 6);
        foreach (var (id, seat) in Seats)
        {
            Assert.True(areas[id]!.Covers(seat.ToPoint()));
            Assert.All(areas.Where(a => a.Key != id), other => Assert.False(JurisdictionGeometry.Overlap(areas[id]!, other.Value!)));
        }
    }

    [Fact]
    public void Given_a_drawn_sibling_when_deriving_then_no_derived_area_overlaps_it()
    {
        var drawn = JurisdictionGeometry.Read(Square(36.49, 111.72));

        var areas = AreaPartition.Derive(CountyArea, [drawn], Seats, JurisdictionLevel.Township);

        Assert.All(areas.Values, area => Assert.False(JurisdictionGeometry.Overlap(area!, drawn)));
        Assert.Equal(CountyArea.Area - drawn.Area, areas.Values.Sum(a => a!.Area), 6);
    }

    [Fact]
    public void Given_one_seat_when_deriving_then_it_takes_the_whole_parent() =>
        Assert.Equal(CountyArea.Area, AreaPartition.Derive(CountyArea, [], [Seats[0]], JurisdictionLevel.Township)[Seats[0].Id]!.Area, 6);

    [Fact]
    public void Given_village_seats_when_deriving_then_a_village_reaches_no_further_than_its_reach_from_the_seat()
    {
        var areas = AreaPartition.Derive(CountyArea, [], [Seats[0]], JurisdictionLevel.Village);

        var extent = areas[Seats[0].Id]!.EnvelopeInternal;
        Assert.InRange(extent.Height * 111_320, 2 * AreaPartition.VillageReachMeters * 0.95, 2 * AreaPartition.VillageReachMeters * 1.01);
    }
}
