using System.Diagnostics;
using Google.OrTools.Sat;

namespace Muster.Readiness.MoveUp;

/// <summary>The <c>Readiness:MoveUp</c> configuration section.</summary>
public sealed class MoveUpOptions
{
    public const string Section = "Readiness:MoveUp";

    /// <summary>How long CP-SAT may search; past it the best answer found is given with its gap to the bound.</summary>
    public TimeSpan TimeLimit { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Solve the linear relaxation first (GLOP), whose moves are often the optimum and whose bound proves
    /// CP-SAT's answer; off, CP-SAT alone.</summary>
    public bool Relaxation { get; set; } = true;

    /// <summary>CP-SAT's parallel workers.</summary>
    public int Workers { get; set; } = 2;

    /// <summary>Past this many useful (unit, post) pairs the integer program is not built: greedy moves with a bound.</summary>
    public int ExactMaxPairs { get; set; } = 60_000;

    /// <summary>A post nearer than this to a unit is where the unit already is: no move.</summary>
    public double SamePlaceMeters { get; set; } = 300;

    /// <summary>How often the arrival job looks for units whose move-up is due.</summary>
    public TimeSpan ArrivalSweep { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>A unit that reports a position this close to its post has arrived.</summary>
    public double ArrivedWithinMeters { get; set; } = 200;
}

/// <summary>
/// Solves <see cref="MoveUpProblem"/>: the maximal covering location problem with relocations. The model keeps only
/// what can change: a point covered by more units than may move is always covered, one no move can reach and no unit
/// covers is never covered, and a (unit, post) pair is kept only if the post reaches a point that can change and the
/// unit does not cover already. Its linear relaxation (<see cref="MoveUpRelaxation"/>) is solved first: when it comes
/// out whole, its moves are the optimum. Otherwise the integer program (CP-SAT) maximises the covered weight and, among
/// equal answers, the shortest total travel, and its answer is proven optimal when CP-SAT proves it or when it reaches
/// the relaxation's bound. When the pairs are too many, greedy moves with a proven bound.
/// </summary>
public static class MoveUpSolver
{
    /// <summary>Integer weights for CP-SAT: the heaviest point weighs this much, the others in proportion.</summary>
    private const double Scale = 1_000;

    public static MoveUpSolution Solve(MoveUpProblem problem, MoveUpOptions options)
    {
        var clock = Stopwatch.StartNew();
        var reduced = Reduced.Of(problem, options.ExactMaxPairs);
        var greedy = Greedy(problem, reduced);
        var before = MoveUpCoverage.CoveredWeight(problem, []);
        var total = problem.Weights.Sum();
        if (reduced.PairCount == 0)
        {
            return new MoveUpSolution([], total, before, before, before, true, MoveUpMethod.Exact, 0, reduced.Points.Count, clock.Elapsed);
        }

        if (reduced.PairCount > options.ExactMaxPairs)
        {
            var after = MoveUpCoverage.CoveredWeight(problem, greedy);
            var bound = Math.Max(after, GreedyBound(problem, reduced, before));
            return new MoveUpSolution(Ordered(problem, greedy), total, before, after, bound, after >= bound - 1e-9,
                MoveUpMethod.Greedy, reduced.PairCount, reduced.Points.Count, clock.Elapsed);
        }

        // The relaxation first: it bounds every answer, and often its moves are the answer. What lies outside the model
        // is covered, or not, whatever moves.
        var fixedWeight = before - reduced.Points.Where(i => reduced.Coverers[i].Count > 0).Sum(i => problem.Weights[i]);
        var relaxed = options.Relaxation ? MoveUpRelaxation.Solve(problem, reduced, options.TimeLimit) : (double.PositiveInfinity, null);
        var ceiling = fixedWeight + relaxed.Bound;
        bool Reaches(double covered) => covered >= ceiling - MoveUpRelaxation.Tolerance(ceiling);
        if (relaxed.Whole is { } whole && MoveUpCoverage.CoveredWeight(problem, whole) is var best && Reaches(best))
        {
            return new MoveUpSolution(Ordered(problem, whole), total, before, best, best, true, MoveUpMethod.Exact, reduced.PairCount,
                reduced.Points.Count, clock.Elapsed);
        }

        var left = options.TimeLimit - clock.Elapsed;
        var (moves, optimal, upper) = Exact(problem, reduced, greedy, options, left > TimeSpan.FromSeconds(1) ? left : TimeSpan.FromSeconds(1), fixedWeight, Reaches);
        var covered = MoveUpCoverage.CoveredWeight(problem, moves);
        if (!optimal)
        {
            upper = Math.Min(Math.Min(upper, ceiling), GreedyBound(problem, reduced, before));
        }

        return new MoveUpSolution(Ordered(problem, moves), total, before, covered, optimal ? covered : Math.Max(covered, upper),
            optimal, MoveUpMethod.Exact, reduced.PairCount, reduced.Points.Count, clock.Elapsed);
    }

    private static (IReadOnlyList<Move> Moves, bool Optimal, double UpperBound) Exact(
        MoveUpProblem problem, Reduced reduced, IReadOnlyList<Move> hint, MoveUpOptions options, TimeSpan limit, double fixedWeight, Func<double, bool> atBound)
    {
        var model = new CpModel();
        var pairs = reduced.Pairs;
        var x = pairs.Select((_, j) => model.NewBoolVar($"x{j}")).ToArray();
        model.Add(LinearExpr.Sum(x) <= problem.MaxMoves);
        foreach (var group in Enumerable.Range(0, pairs.Count).GroupBy(j => pairs[j].Unit))
        {
            model.Add(LinearExpr.Sum(group.Select(j => x[j])) <= 1);
        }

        foreach (var group in Enumerable.Range(0, pairs.Count).GroupBy(j => pairs[j].Reach))
        {
            model.Add(LinearExpr.Sum(group.Select(j => x[j])) <= 1);
        }

        var byUnit = Enumerable.Range(0, pairs.Count).ToLookup(j => pairs[j].Unit);

        // Units of a kind standing at one place are interchangeable (a station's teams): move them in id order only,
        // or the search wades through every permutation of the same answer.
        var alike = reduced.Movers.GroupBy(u => (problem.Units[u].Kind, problem.Units[u].Location));
        foreach (var group in alike.Where(g => g.Count() > 1))
        {
            var ordered = group.Order().ToList();
            for (var k = 1; k < ordered.Count; k++)
            {
                model.Add(LinearExpr.Sum(byUnit[ordered[k - 1]].Select(j => x[j])) >= LinearExpr.Sum(byUnit[ordered[k]].Select(j => x[j])));
            }
        }
        var byReach = Enumerable.Range(0, pairs.Count).ToLookup(j => pairs[j].Reach);
        var maxWeight = reduced.Points.Max(i => problem.Weights[i]);
        var weights = new List<(IntVar Var, long Coefficient)>();
        foreach (var i in reduced.Points)
        {
            // y ≤ (units covering i that stay) + (moves to a post that reaches i)
            var y = model.NewBoolVar($"y{i}");
            var coefficients = new Dictionary<int, long>();
            foreach (var r in reduced.ReachesOf[i])
            {
                foreach (var j in byReach[r])
                {
                    coefficients[j] = coefficients.GetValueOrDefault(j) - 1;
                }
            }

            foreach (var u in reduced.Coverers[i])
            {
                foreach (var j in byUnit[u])
                {
                    coefficients[j] = coefficients.GetValueOrDefault(j) + 1;
                }
            }

            var terms = coefficients.Where(c => c.Value != 0).ToList();
            model.Add(y + LinearExpr.WeightedSum(terms.Select(c => x[c.Key]), terms.Select(c => c.Value)) <= reduced.Coverers[i].Count);
            weights.Add((y, Math.Max(1, (long)Math.Round(problem.Weights[i] / maxWeight * Scale))));
        }

        var covered = LinearExpr.WeightedSum(weights.Select(w => w.Var), weights.Select(w => w.Coefficient));
        Hint(model, x, pairs, hint);

        // First the covered weight alone, stopped as soon as it meets the relaxation's bound (nothing covers more); the
        // greedy answer may meet it already.
        var clock = Stopwatch.StartNew();
        var chosen = hint.ToList();
        if (!atBound(MoveUpCoverage.CoveredWeight(problem, chosen)))
        {
            model.Maximize(covered);
            var first = Solver(options, limit);
            var status = first.Solve(model, new StopAtBound(pairs, x, moves => atBound(MoveUpCoverage.CoveredWeight(problem, moves))));
            if (status is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible))
            {
                return (hint, false, double.PositiveInfinity);
            }

            chosen = pairs.Where((_, j) => first.BooleanValue(x[j])).ToList();
            if (status != CpSolverStatus.Optimal && !atBound(MoveUpCoverage.CoveredWeight(problem, chosen)))
            {
                return (chosen, false, fixedWeight + (first.BestObjectiveBound / Scale * maxWeight * 1.000001));
            }
        }

        // Then, keeping that weight, the shortest travel: proven when there is time, else the shortest found.
        var weight = MoveUpCoverage.CoveredWeight(problem, chosen);
        var reached = MoveUpCoverage.CoveredPoints(problem, chosen);
        model.Add(covered >= weights.Where((_, k) => reached.Contains(reduced.Points[k])).Sum(w => w.Coefficient));
        model.Minimize(LinearExpr.WeightedSum(x, pairs.Select(p => (long)p.EtaSeconds)));
        model.ClearHints();
        Hint(model, x, pairs, chosen);
        var left = limit - clock.Elapsed;
        var second = Solver(options, left > TimeSpan.FromSeconds(0.5) ? left : TimeSpan.FromSeconds(0.5));
        if (second.Solve(model) is CpSolverStatus.Optimal or CpSolverStatus.Feasible
            && pairs.Where((_, j) => second.BooleanValue(x[j])).ToList() is var shorter
            && MoveUpCoverage.CoveredWeight(problem, shorter) >= weight - MoveUpRelaxation.Tolerance(weight))
        {
            chosen = shorter;
        }

        return (chosen, true, MoveUpCoverage.CoveredWeight(problem, chosen));
    }

    private static CpSolver Solver(MoveUpOptions options, TimeSpan limit) => new()
    {
        StringParameters = string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"max_time_in_seconds:{limit.TotalSeconds} num_workers:{Math.Max(1, options.Workers)} random_seed:1"),
    };

    private static void Hint(CpModel model, BoolVar[] x, List<Move> pairs, IEnumerable<Move> moves)
    {
        var hinted = moves.Select(m => (m.Unit, m.Reach)).ToHashSet();
        for (var j = 0; j < pairs.Count; j++)
        {
            model.AddHint(x[j], hinted.Contains((pairs[j].Unit, pairs[j].Reach)));
        }
    }

    /// <summary>Stops CP-SAT at the first answer that reaches the relaxation's bound: it cannot be bettered.</summary>
    private sealed class StopAtBound(List<Move> pairs, BoolVar[] x, Func<List<Move>, bool> reached) : CpSolverSolutionCallback
    {
        public override void OnSolutionCallback()
        {
            if (reached(pairs.Where((_, j) => BooleanValue(x[j])).ToList()))
            {
                StopSearch();
            }
        }
    }

    /// <summary>
    /// Greedy: the move that gains the most weight now (new points reached, minus those only the moving unit covered),
    /// again until no move gains or the moves are used up; ties to the nearer unit.
    /// </summary>
    private static List<Move> Greedy(MoveUpProblem problem, Reduced reduced)
    {
        var count = new int[problem.Weights.Count];
        foreach (var unit in problem.Units)
        {
            foreach (var i in unit.Covers)
            {
                count[i]++;
            }
        }

        var moved = new HashSet<int>();
        var usedReaches = new HashSet<int>();
        var chosen = new List<Move>();
        var unitsOfKind = reduced.Movers.ToLookup(u => problem.Units[u].Kind);
        while (chosen.Count < problem.MaxMoves)
        {
            var loss = new Dictionary<int, double>();
            foreach (var u in reduced.Movers.Where(u => !moved.Contains(u)))
            {
                loss[u] = problem.Units[u].Covers.Where(i => count[i] == 1).Sum(i => problem.Weights[i]);
            }

            (double Gain, double Distance, Move Move)? best = null;
            foreach (var r in reduced.UsefulReaches.Where(r => !usedReaches.Contains(r)))
            {
                var reach = problem.Reaches[r];
                var gain = reach.Covers.Where(i => count[i] == 0).Sum(i => problem.Weights[i]);
                if (gain <= 0 || (best is { } b && gain < b.Gain))
                {
                    continue;
                }

                var overlap = new Dictionary<int, double>();
                foreach (var i in reach.Covers.Where(i => count[i] == 1))
                {
                    foreach (var u in reduced.Coverers[i].Where(u => !moved.Contains(u)))
                    {
                        overlap[u] = overlap.GetValueOrDefault(u) + problem.Weights[i];
                    }
                }

                foreach (var u in unitsOfKind[reach.Kind].Where(u => !moved.Contains(u)))
                {
                    var net = gain - loss[u] + overlap.GetValueOrDefault(u);
                    var distance = Squared(problem.Units[u].Location, reach.Location);
                    if (net > 1e-12 && (best is null || net > best.Value.Gain + 1e-12 || (Math.Abs(net - best.Value.Gain) <= 1e-12 && distance < best.Value.Distance))
                        && problem.Travel(u, r) is { } eta)
                    {
                        best = (net, distance, new Move(u, r, eta));
                    }
                }
            }

            if (best is not { } pick)
            {
                break;
            }

            chosen.Add(pick.Move);
            moved.Add(pick.Move.Unit);
            usedReaches.Add(pick.Move.Reach);
            foreach (var i in problem.Units[pick.Move.Unit].Covers)
            {
                count[i]--;
            }

            foreach (var i in problem.Reaches[pick.Move.Reach].Covers)
            {
                count[i]++;
            }
        }

        return chosen;
    }

    /// <summary>
    /// After any moves, a covered point is covered now or reached from one of at most m posts, so the covered weight is at
    /// most what is covered now plus the best m reaches over the uncovered points: bounded by the m heaviest reaches, and
    /// by greedy set cover divided by 1 − (1 − 1/m)^m (greedy reaches at least that share of the best).
    /// </summary>
    private static double GreedyBound(MoveUpProblem problem, Reduced reduced, double coveredNow)
    {
        var uncovered = Enumerable.Range(0, problem.Weights.Count).ToHashSet();
        uncovered.ExceptWith(MoveUpCoverage.CoveredPoints(problem, []));
        var sets = reduced.UsefulReaches.Select(r => problem.Reaches[r].Covers.Where(uncovered.Contains).ToHashSet()).ToList();
        var heaviest = sets.Select(s => s.Sum(i => problem.Weights[i])).OrderDescending().Take(problem.MaxMoves).Sum();
        var taken = new HashSet<int>();
        var greedy = 0.0;
        for (var k = 0; k < problem.MaxMoves && sets.Count > 0; k++)
        {
            var next = sets.MaxBy(s => s.Where(i => !taken.Contains(i)).Sum(i => problem.Weights[i]))!;
            greedy += next.Where(i => !taken.Contains(i)).Sum(i => problem.Weights[i]);
            taken.UnionWith(next);
        }

        var m = problem.MaxMoves;
        var ratio = 1 - Math.Pow(1 - (1.0 / m), m);
        return coveredNow + Math.Min(heaviest, greedy / ratio);
    }

    /// <summary>The moves, the one that recovers the most first.</summary>
    private static List<Move> Ordered(MoveUpProblem problem, IEnumerable<Move> moves) =>
        moves.OrderByDescending(m => problem.Reaches[m.Reach].Covers.Sum(i => problem.Weights[i])).ThenBy(m => m.EtaSeconds).ToList();

    private static double Squared(Spatial.GeoPoint a, Spatial.GeoPoint b)
    {
        var dLon = (a.Lon - b.Lon) * Math.Cos(a.Lat * Math.PI / 180);
        var dLat = a.Lat - b.Lat;
        return (dLon * dLon) + (dLat * dLat);
    }
}
