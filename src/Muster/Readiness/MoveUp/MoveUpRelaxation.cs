using Google.OrTools.LinearSolver;

namespace Muster.Readiness.MoveUp;

/// <summary>
/// The linear relaxation of the move-up integer program, solved by GLOP: moves and coverage as fractions. Its optimum
/// bounds the covered weight any moves reach. The covering problem's relaxation is often integral; then the moves it
/// picks are an optimum, and a second relaxation, keeping that weight, gives the shortest travel among the optima.
/// </summary>
internal static class MoveUpRelaxation
{
    /// <returns>A bound on the weight of <paramref name="reduced"/>'s points that any moves cover (infinite when GLOP
    /// gave no answer in time), and the moves when both relaxations came out whole.</returns>
    public static (double Bound, IReadOnlyList<Move>? Whole) Solve(MoveUpProblem problem, Reduced reduced, TimeSpan limit)
    {
        using var solver = Solver.CreateSolver("GLOP") ?? throw new InvalidOperationException("GLOP is not in this build of OR-Tools");
        solver.SetTimeLimit((long)limit.TotalMilliseconds);
        var pairs = reduced.Pairs;
        var x = pairs.Select((_, j) => solver.MakeNumVar(0, 1, $"x{j}")).ToArray();
        AtMost(solver, x, problem.MaxMoves);
        foreach (var group in Enumerable.Range(0, pairs.Count).GroupBy(j => pairs[j].Unit).Concat(Enumerable.Range(0, pairs.Count).GroupBy(j => pairs[j].Reach)))
        {
            AtMost(solver, group.Select(j => x[j]), 1);
        }

        var byUnit = Enumerable.Range(0, pairs.Count).ToLookup(j => pairs[j].Unit);
        var byReach = Enumerable.Range(0, pairs.Count).ToLookup(j => pairs[j].Reach);
        var covered = new Dictionary<int, Variable>();
        foreach (var i in reduced.Points)
        {
            // y ≤ (units covering i that stay) + (moves to a post that reaches i), as in the integer program.
            var y = covered[i] = solver.MakeNumVar(0, 1, $"y{i}");
            var row = solver.MakeConstraint(double.NegativeInfinity, reduced.Coverers[i].Count);
            row.SetCoefficient(y, 1);
            var coefficients = new Dictionary<int, double>();
            foreach (var j in reduced.ReachesOf[i].SelectMany(r => byReach[r]))
            {
                coefficients[j] = coefficients.GetValueOrDefault(j) - 1;
            }

            foreach (var j in reduced.Coverers[i].SelectMany(u => byUnit[u]))
            {
                coefficients[j] = coefficients.GetValueOrDefault(j) + 1;
            }

            foreach (var (j, c) in coefficients.Where(c => c.Value != 0))
            {
                row.SetCoefficient(x[j], c);
            }
        }

        var objective = solver.Objective();
        foreach (var (i, y) in covered)
        {
            objective.SetCoefficient(y, problem.Weights[i]);
        }

        objective.SetMaximization();
        if (solver.Solve() != Solver.ResultStatus.OPTIMAL)
        {
            return (double.PositiveInfinity, null);
        }

        var bound = objective.Value();
        var keep = solver.MakeConstraint(bound - Tolerance(bound), double.PositiveInfinity);
        foreach (var (i, y) in covered)
        {
            keep.SetCoefficient(y, problem.Weights[i]);
        }

        objective.Clear();
        for (var j = 0; j < pairs.Count; j++)
        {
            objective.SetCoefficient(x[j], pairs[j].EtaSeconds);
        }

        objective.SetMinimization();
        if (solver.Solve() != Solver.ResultStatus.OPTIMAL || x.Any(v => v.SolutionValue() is > 1e-6 and < 1 - 1e-6))
        {
            return (bound, null);
        }

        return (bound, [.. pairs.Where((_, j) => x[j].SolutionValue() > 0.5)]);
    }

    /// <summary>How far apart two covered weights may be and still count as equal (the relaxation is in floating point).</summary>
    public static double Tolerance(double weight) => 1e-6 * Math.Max(1, Math.Abs(weight));

    private static void AtMost(Solver solver, IEnumerable<Variable> variables, double most)
    {
        var row = solver.MakeConstraint(double.NegativeInfinity, most);
        foreach (var variable in variables)
        {
            row.SetCoefficient(variable, 1);
        }
    }
}
