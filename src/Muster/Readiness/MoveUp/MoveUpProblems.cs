using Muster.Spatial;
using Muster.Units;

namespace Muster.Readiness.MoveUp;

/// <summary>
/// Builds a <see cref="MoveUpProblem"/> from places: who covers which demand point now, and from each post for each kind
/// of unit, by the ETA model of <c>nearestUnits</c> over geodesic distances (<see cref="Ellipsoid"/>). Pairs are found
/// through a grid of cells as wide as the farthest reach, so only neighbours are measured.
/// </summary>
public static class MoveUpProblems
{
    public static MoveUpProblem Build(
        IReadOnlyList<(GeoPoint Location, double Weight)> demand,
        IReadOnlyList<(UnitKind Kind, GeoPoint Location)> units,
        IReadOnlyList<GeoPoint> posts,
        int withinSeconds, int maxMoves, EtaModel eta, double samePlaceMeters)
    {
        var grid = new Grid(demand.Select(d => d.Location).ToList(), eta.UnitReachMeters(withinSeconds) * 1.01);
        List<int> Covered(UnitKind kind, GeoPoint from) =>
            grid.Near(from).Where(i => eta.UnitSeconds(kind, Ellipsoid.Meters(from, demand[i].Location)) <= withinSeconds).Order().ToList();

        var movers = units.Select(u => new Mover((int)u.Kind, u.Location, Covered(u.Kind, u.Location))).ToList();
        var kinds = units.Select(u => u.Kind).Distinct().Order().ToList();
        var reaches = posts.SelectMany((post, p) => kinds.Select(kind => new Reach(p, (int)kind, post, Covered(kind, post)))).ToList();
        return new MoveUpProblem(demand.Select(d => d.Weight).ToList(), movers, reaches,
            (u, r) =>
            {
                var meters = Ellipsoid.Meters(units[u].Location, reaches[r].Location);
                return meters < samePlaceMeters ? null : eta.UnitSeconds(units[u].Kind, meters);
            },
            maxMoves);
    }

    /// <summary>Points bucketed in cells at least <c>cellMeters</c> wide: every point within that distance is in the 3 × 3 cells around.</summary>
    private sealed class Grid
    {
        private readonly Dictionary<(int, int), List<int>> _cells = [];
        private readonly double _cellLat;
        private readonly double _cellLon;

        public Grid(IReadOnlyList<GeoPoint> points, double cellMeters)
        {
            var maxLat = points.Count == 0 ? 0 : points.Max(p => Math.Abs(p.Lat));
            _cellLat = Math.Max(1e-6, cellMeters / 110_500);
            _cellLon = Math.Max(1e-6, cellMeters / (111_000 * Math.Max(0.05, Math.Cos(Math.Min(89, maxLat + 1) * Math.PI / 180))));
            for (var i = 0; i < points.Count; i++)
            {
                var key = Cell(points[i]);
                if (!_cells.TryGetValue(key, out var list))
                {
                    _cells[key] = list = [];
                }

                list.Add(i);
            }
        }

        public IEnumerable<int> Near(GeoPoint point)
        {
            var (row, column) = Cell(point);
            for (var dr = -1; dr <= 1; dr++)
            {
                for (var dc = -1; dc <= 1; dc++)
                {
                    if (_cells.TryGetValue((row + dr, column + dc), out var list))
                    {
                        foreach (var i in list)
                        {
                            yield return i;
                        }
                    }
                }
            }
        }

        private (int, int) Cell(GeoPoint p) => ((int)Math.Floor(p.Lat / _cellLat), (int)Math.Floor(p.Lon / _cellLon));
    }
}
