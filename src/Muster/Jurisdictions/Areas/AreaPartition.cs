using Muster.Spatial;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;
using NetTopologySuite.Triangulate;

namespace Muster.Jurisdictions.Areas;

/// <summary>
/// Approximate areas of the jurisdictions known by their seats only: each takes the part of its parent nearer its seat
/// than any sibling's seat (a Voronoi partition of the seats, computed on a plane scaled to the latitude so distances
/// are true), clipped to the parent's area, less the siblings whose boundaries are drawn. A village reaches at most
/// <see cref="VillageReachMeters"/> from its seat, so villages known by seats do not cover their whole township. Pure.
/// </summary>
public static class AreaPartition
{
    public const double VillageReachMeters = 1500;

    private const double MetersPerDegree = 111_320;

    public static IReadOnlyDictionary<Guid, Geometry?> Derive(
        Geometry parentArea, IEnumerable<Geometry> drawnSiblings, IReadOnlyList<(Guid Id, GeoPoint Seat)> seats, JurisdictionLevel level)
    {
        var result = new Dictionary<Guid, Geometry?>();
        if (seats.Count == 0)
        {
            return result;
        }

        var scale = Math.Cos(parentArea.Centroid.Y * Math.PI / 180);
        var toPlane = AffineTransformation.ScaleInstance(scale, 1);
        var fromPlane = AffineTransformation.ScaleInstance(1 / scale, 1);

        var available = Valid(toPlane.Transform(parentArea));
        foreach (var drawn in drawnSiblings)
        {
            available = Valid(available.Difference(toPlane.Transform(drawn)));
        }

        var sites = seats.Select(s => new Coordinate(s.Seat.Lon * scale, s.Seat.Lat)).ToList();
        IReadOnlyList<Geometry> cells;
        if (seats.Count == 1)
        {
            cells = [available];
        }
        else
        {
            var envelope = new Envelope(available.EnvelopeInternal);
            foreach (var site in sites)
            {
                envelope.ExpandToInclude(site);
            }

            envelope.ExpandBy(Math.Max(envelope.Width, envelope.Height));
            var builder = new VoronoiDiagramBuilder { ClipEnvelope = envelope };
            builder.SetSites(sites);
            var diagram = builder.GetDiagram(JurisdictionGeometry.Factory);
            cells = Enumerable.Range(0, diagram.NumGeometries).Select(diagram.GetGeometryN).ToList();
        }

        for (var i = 0; i < seats.Count; i++)
        {
            var site = JurisdictionGeometry.Factory.CreatePoint(sites[i]);
            var cell = cells.FirstOrDefault(c => c.Covers(site));
            if (cell is null)
            {
                result[seats[i].Id] = null;
                continue;
            }

            var area = Valid(cell.Intersection(available));
            if (level == JurisdictionLevel.Village)
            {
                area = Valid(area.Intersection(site.Buffer(VillageReachMeters / MetersPerDegree, 16)));
            }

            result[seats[i].Id] = Polygons(fromPlane.Transform(area));
        }

        return result;
    }

    private static Geometry Valid(Geometry geometry) => geometry.IsValid ? geometry : geometry.Buffer(0);

    /// <summary>The polygons of a result (an intersection may add slivers of lines or points), rounded to about 10 cm; null when none.</summary>
    private static Geometry? Polygons(Geometry geometry)
    {
        var polygons = PolygonExtracter.GetPolygons(geometry).Cast<Polygon>().Where(p => !p.IsEmpty && p.Area > 1e-12).ToArray();
        if (polygons.Length == 0)
        {
            return null;
        }

        Geometry area = polygons.Length == 1 ? polygons[0] : JurisdictionGeometry.Factory.CreateMultiPolygon(polygons);
        area = NetTopologySuite.Precision.GeometryPrecisionReducer.Reduce(area, new PrecisionModel(1e6));
        area.SRID = GeoPoint.Srid;
        return area.IsEmpty ? null : area;
    }
}
