using Muster.Spatial;

namespace Muster.Readiness.MoveUp;

/// <summary>
/// A maximal covering move-up problem in indices, so it can be solved and checked without a database. Demand point
/// <c>i</c> weighs <c>Weights[i]</c>; each available unit covers some points from where it stands; a unit may move to a
/// post, from where a unit of its kind covers the points of that (post, kind) reach. At most <see cref="MaxMoves"/>
/// units move, each once, and at most one unit of a kind to a post (a second adds nothing and leaves a gap behind).
/// </summary>
/// <param name="Travel">Seconds for a unit to reach a reach's post, or null where the move makes no sense (it is there already).</param>
public sealed record MoveUpProblem(
    IReadOnlyList<double> Weights,
    IReadOnlyList<Mover> Units,
    IReadOnlyList<Reach> Reaches,
    Func<int, int, int?> Travel,
    int MaxMoves);

/// <summary>An available unit: its kind (an index), where it stands, and the demand points it covers from there.</summary>
public sealed record Mover(int Kind, GeoPoint Location, IReadOnlyList<int> Covers);

/// <summary>The demand points a unit of <paramref name="Kind"/> covers from post <paramref name="Post"/>.</summary>
public sealed record Reach(int Post, int Kind, GeoPoint Location, IReadOnlyList<int> Covers);

/// <summary>One move: unit <paramref name="Unit"/> to the post of reach <paramref name="Reach"/>, in <paramref name="EtaSeconds"/>.</summary>
public sealed record Move(int Unit, int Reach, int EtaSeconds);

public enum MoveUpMethod
{
    /// <summary>The integer program solved by CP-SAT (proven optimal unless the time limit cut it short).</summary>
    Exact,

    /// <summary>Too large for the integer program: greedy moves, with a proven upper bound.</summary>
    Greedy,
}

/// <summary>
/// The moves chosen and what they achieve, in covered weight. <see cref="UpperBound"/> is a proven bound on the covered
/// weight any set of moves reaches (equal to <see cref="CoveredAfter"/> when <see cref="Optimal"/>).
/// </summary>
public sealed record MoveUpSolution(
    IReadOnlyList<Move> Moves,
    double TotalWeight,
    double CoveredBefore,
    double CoveredAfter,
    double UpperBound,
    bool Optimal,
    MoveUpMethod Method,
    long ModelMoves,
    int ModelPoints,
    TimeSpan Elapsed)
{
    /// <summary>How far the answer may be from the best, as a share of the total weight (0 when proven optimal).</summary>
    public double GapShare => Optimal || TotalWeight <= 0 ? 0 : Math.Max(0, UpperBound - CoveredAfter) / TotalWeight;
}

public static class MoveUpCoverage
{
    /// <summary>The covered weight after the moves (none: as things stand). The reference every solver is checked against.</summary>
    public static double CoveredWeight(MoveUpProblem problem, IEnumerable<Move> moves) =>
        CoveredPoints(problem, moves).Sum(i => problem.Weights[i]);

    public static HashSet<int> CoveredPoints(MoveUpProblem problem, IEnumerable<Move> moves)
    {
        var list = moves.ToList();
        var moved = list.Select(m => m.Unit).ToHashSet();
        var covered = new HashSet<int>();
        for (var u = 0; u < problem.Units.Count; u++)
        {
            if (!moved.Contains(u))
            {
                covered.UnionWith(problem.Units[u].Covers);
            }
        }

        foreach (var move in list)
        {
            covered.UnionWith(problem.Reaches[move.Reach].Covers);
        }

        return covered;
    }
}
