using Muster.Readiness.MoveUp;
using Muster.Spatial;
using Muster.Units;

namespace Muster.Tests.Readiness;

/// <summary>The integer program's answer against every set of at most m moves, on small random cities.</summary>
public sealed class MoveUpSolverTests
{
    private static readonly EtaModel Eta = new(new EtaOptions());
    private static readonly MoveUpOptions Options = new() { Workers = 1, TimeLimit = TimeSpan.FromSeconds(20) };

    public static TheoryData<int, int> Instances()
    {
        var data = new TheoryData<int, int>();
        foreach (var seed in new[] { 1, 2, 3, 4, 5, 6, 7, 8 })
        {
            foreach (var maxMoves in new[] { 1, 2, 3 })
            {
                data.Add(seed, maxMoves);
            }
        }

        return data;
    }

    public static TheoryData<int, int, bool> InstancesBothWays()
    {
        var data = new TheoryData<int, int, bool>();
        foreach (var row in Instances())
        {
            data.Add((int)row[0], (int)row[1], true);
            data.Add((int)row[0], (int)row[1], false);
        }

        return data;
    }

    /// <summary>With the relaxation first (its whole moves, or its bound proving CP-SAT's answer), and CP-SAT alone.</summary>
    [Theory]
    [MemberData(nameof(InstancesBothWays))]
    public void Given_a_small_random_city_when_solved_exactly_then_no_set_of_moves_covers_more(int seed, int maxMoves, bool relaxation)
    {
        var problem = RandomCity(seed, maxMoves);

        var solution = MoveUpSolver.Solve(problem, new MoveUpOptions { Workers = 1, TimeLimit = TimeSpan.FromSeconds(20), Relaxation = relaxation });

        var best = Enumerate(problem).Max(moves => MoveUpCoverage.CoveredWeight(problem, moves));
        Assert.True(solution.Optimal);
        Assert.Equal(MoveUpMethod.Exact, solution.Method);
        Assert.Equal(best, solution.CoveredAfter, 6);
        Assert.Equal(MoveUpCoverage.CoveredWeight(problem, solution.Moves), solution.CoveredAfter, 9);
        Assert.InRange(solution.Moves.Count, 0, maxMoves);
        Assert.Equal(solution.Moves.Count, solution.Moves.Select(m => m.Unit).Distinct().Count());
        Assert.All(solution.Moves, m => Assert.Equal(problem.Units[m.Unit].Kind, problem.Reaches[m.Reach].Kind));
        Assert.All(solution.Moves, m => Assert.Equal(problem.Travel(m.Unit, m.Reach), m.EtaSeconds));
    }

    [Theory]
    [MemberData(nameof(Instances))]
    public void Given_a_small_random_city_when_solved_greedily_then_the_bound_holds_the_best_answer(int seed, int maxMoves)
    {
        var problem = RandomCity(seed, maxMoves);

        var greedy = MoveUpSolver.Solve(problem, new MoveUpOptions { ExactMaxPairs = 0 });

        var best = Enumerate(problem).Max(moves => MoveUpCoverage.CoveredWeight(problem, moves));
        Assert.Equal(MoveUpMethod.Greedy, greedy.Method);
        Assert.InRange(greedy.CoveredAfter, greedy.CoveredBefore, best + 1e-9);
        Assert.True(greedy.UpperBound >= best - 1e-9, $"bound {greedy.UpperBound} below the best {best}");
        Assert.Equal((greedy.UpperBound - greedy.CoveredAfter) / greedy.TotalWeight, greedy.GapShare, 9);
    }

    [Fact]
    public void Given_the_random_cities_when_solved_then_most_of_them_have_moves_that_recover_weight()
    {
        // The enumeration checks above would prove little on instances where nothing can be gained.
        var gaining = Enumerable.Range(1, 8).Count(seed =>
            MoveUpSolver.Solve(RandomCity(seed, 2), Options) is { } s && s.CoveredAfter > s.CoveredBefore && s.Moves.Count == 2);
        Assert.True(gaining >= 4, $"only {gaining} of 8 random cities gain with two moves");
    }

    [Fact]
    public void Given_every_point_covered_when_solved_then_no_unit_moves()
    {
        var units = new[] { (UnitKind.MineRescueTeam, new GeoPoint(36.57, 111.72)) };
        var problem = MoveUpProblems.Build([(new GeoPoint(36.571, 111.721), 1.0)], units, [new GeoPoint(36.7, 111.8)], 900, 2, Eta, 300);

        var solution = MoveUpSolver.Solve(problem, Options);

        Assert.Empty(solution.Moves);
        Assert.True(solution.Optimal);
        Assert.Equal(1.0, solution.CoveredBefore);
        Assert.Equal(1.0, solution.CoveredAfter);
    }

    [Fact]
    public void Given_two_units_at_one_station_and_an_uncovered_mine_when_solved_then_one_moves_to_the_post_near_it_and_the_station_stays_covered()
    {
        var station = new GeoPoint(36.57, 111.72);
        var farMine = new GeoPoint(36.75, 111.90); // ~25 km away: beyond 15 minutes
        var units = new[] { (UnitKind.MineRescueTeam, station), (UnitKind.MineRescueTeam, station) };
        var posts = new[] { new GeoPoint(36.74, 111.89), new GeoPoint(36.60, 111.60) };
        var problem = MoveUpProblems.Build([(station, 2.0), (farMine, 4.0)], units, posts, 900, 2, Eta, 300);

        var solution = MoveUpSolver.Solve(problem, Options);

        var move = Assert.Single(solution.Moves);
        Assert.Equal(0, problem.Reaches[move.Reach].Post);
        Assert.Equal(2.0, solution.CoveredBefore);
        Assert.Equal(6.0, solution.CoveredAfter);
    }

    [Fact]
    public void Given_a_post_where_the_unit_already_stands_when_built_then_it_is_no_move()
    {
        var station = new GeoPoint(36.57, 111.72);
        var problem = MoveUpProblems.Build([(station, 1.0)], [(UnitKind.FireEngine, station)], [new GeoPoint(36.5705, 111.7205)], 900, 1, Eta, 300);

        Assert.Null(problem.Travel(0, 0));
    }

    [Fact]
    public void Geodesic_distances_agree_with_the_ellipsoid()
    {
        // PostGIS: select ST_Distance('POINT(111.72 36.57)'::geography, 'POINT(111.90 36.75)'::geography) = 25,624.6 m (checked by the API tests too)
        Assert.InRange(Ellipsoid.Meters(new GeoPoint(36.57, 111.72), new GeoPoint(36.75, 111.90)), 25_000, 26_500);
        Assert.Equal(0, Ellipsoid.Meters(new GeoPoint(36.57, 111.72), new GeoPoint(36.57, 111.72)));
    }

    /// <summary>Every set of at most m moves: distinct units, each to a post of its kind that is a move.</summary>
    private static IEnumerable<List<Move>> Enumerate(MoveUpProblem problem)
    {
        var options = new List<Move>();
        for (var u = 0; u < problem.Units.Count; u++)
        {
            for (var r = 0; r < problem.Reaches.Count; r++)
            {
                if (problem.Reaches[r].Kind == problem.Units[u].Kind && problem.Travel(u, r) is { } eta)
                {
                    options.Add(new Move(u, r, eta));
                }
            }
        }

        IEnumerable<List<Move>> From(int start, List<Move> taken)
        {
            yield return [.. taken];
            if (taken.Count == problem.MaxMoves)
            {
                yield break;
            }

            for (var k = start; k < options.Count; k++)
            {
                if (taken.All(t => t.Unit != options[k].Unit))
                {
                    taken.Add(options[k]);
                    foreach (var set in From(k + 1, taken))
                    {
                        yield return set;
                    }

                    taken.RemoveAt(taken.Count - 1);
                }
            }
        }

        return From(0, []);
    }

    /// <summary>A valley 40 × 40 km: 14 weighted demand points, 6 units of two kinds, 6 posts.</summary>
    private static MoveUpProblem RandomCity(int seed, int maxMoves)
    {
        var random = new Random(seed);
        GeoPoint Somewhere() => new(36.4 + (random.NextDouble() * 0.36), 111.5 + (random.NextDouble() * 0.45));
        var demand = Enumerable.Range(0, 14).Select(_ => (Somewhere(), (double)random.Next(1, 5))).ToList();
        var units = Enumerable.Range(0, 6).Select(i => (i % 3 == 0 ? UnitKind.HazmatTeam : UnitKind.MineRescueTeam, Somewhere())).ToList();
        var posts = Enumerable.Range(0, 6).Select(_ => Somewhere()).ToList();
        return MoveUpProblems.Build(demand, units, posts, 900, maxMoves, Eta, 300);
    }
}
