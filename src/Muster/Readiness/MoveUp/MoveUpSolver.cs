using System.Diagnostics;
using Google.OrTools.Sat;

namespace Muster.Readiness.MoveUp;

/// <summary>The <c>Readiness:MoveUp</c> configuration section.</summary>
public sealed class MoveUpOptions
{
    public const string Section = "Readiness:MoveUp";

    /// <summary>How long CP-SAT may search; past it the best answer found is given with its gap to the bound.</summary>
    public TimeSpan TimeLimit { get; set; } = TimeSpan.FromSeconds(5);

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
/// unit does not cover already. The integer program (CP-SAT) maximises the covered weight and, among equal answers,
/// the shortest total travel. When the pairs are too many, greedy moves with a proven bound.
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

        var (moves, optimal, upper) = Exact(problem, reduced, greedy, options);
        var covered = MoveUpCoverage.CoveredWeight(problem, moves);
        if (!optimal)
        {
            upper = Math.Min(upper, GreedyBound(problem, reduced, before));
        }

        return new MoveUpSolution(Ordered(problem, moves), total, before, covered, optimal ? covered : Math.Max(covered, upper),
            optimal, MoveUpMethod.Exact, reduced.PairCount, reduced.Points.Count, clock.Elapsed);
    }

    private static (IReadOnlyList<Move> Moves, bool Optimal, double UpperBound) Exact(
        MoveUpProblem problem, Reduced reduced, IReadOnlyList<Move> hint, MoveUpOptions options)
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
        var maxTravel = (long)pairs.Max(p => p.EtaSeconds) * problem.MaxMoves + 1;
        var objective = new List<(IntVar Var, long Coefficient)>();
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
            objective.Add((y, Math.Max(1, (long)Math.Round(problem.Weights[i] / maxWeight * Scale)) * maxTravel));
        }

        objective.AddRange(pairs.Select((p, j) => ((IntVar)x[j], -(long)p.EtaSeconds)));
        model.Maximize(LinearExpr.WeightedSum(objective.Select(o => o.Var), objective.Select(o => o.Coefficient)));
        var hinted = hint.Select(m => (m.Unit, m.Reach)).ToHashSet();
        for (var j = 0; j < pairs.Count; j++)
        {
            model.AddHint(x[j], hinted.Contains((pairs[j].Unit, pairs[j].Reach)));
        }

        var solver = new CpSolver
        {
            StringParameters = string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"max_time_in_seconds:{options.TimeLimit.TotalSeconds} num_workers:{Math.Max(1, options.Workers)} random_seed:1"),
        };
        var status = solver.Solve(model);
        if (status is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible))
        {
            return (hint, false, double.PositiveInfinity);
        }

        var chosen = pairs.Where((_, j) => solver.BooleanValue(x[j])).ToList();
        var fixedWeight = MoveUpCoverage.CoveredWeight(problem, []) - reduced.Points.Where(i => reduced.Coverers[i].Count > 0).Sum(i => problem.Weights[i]);
        var boundScaled = (solver.BestObjectiveBound + maxTravel) / maxTravel;
        var upper = fixedWeight + (boundScaled / Scale * maxWeight * 1.000001);
        return (chosen, status == CpSolverStatus.Optimal, upper);
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

    /// <summary>What can change: the points whose coverage depends on the moves, and the moves that may help.</summary>
    private sealed class Reduced
    {
        public required List<int> Points { get; init; }

        /// <summary>The useful (unit, post) pairs; empty when there are more than the integer program takes (<see cref="PairCount"/>).</summary>
        public required List<Move> Pairs { get; init; }

        public required long PairCount { get; init; }

        public required List<int>[] Coverers { get; init; }

        public required List<int>[] ReachesOf { get; init; }

        public required List<int> Movers { get; init; }

        public required List<int> UsefulReaches { get; init; }

        public static Reduced Of(MoveUpProblem problem, int maxPairs)
        {
            var n = problem.Weights.Count;
            var coverers = Enumerable.Range(0, n).Select(_ => new List<int>()).ToArray();
            for (var u = 0; u < problem.Units.Count; u++)
            {
                foreach (var i in problem.Units[u].Covers.Distinct())
                {
                    coverers[i].Add(u);
                }
            }

            // A point covered by more units than may move stays covered; only the others can change.
            var open = Enumerable.Range(0, n).Select(i => problem.Weights[i] > 0 && coverers[i].Count <= problem.MaxMoves).ToArray();
            var unitsOfKind = Enumerable.Range(0, problem.Units.Count).ToLookup(u => problem.Units[u].Kind);
            var pairs = new List<Move>();
            var usefulReaches = new List<int>();
            var movers = new HashSet<int>();
            long pairCount = 0;
            for (var r = 0; r < problem.Reaches.Count; r++)
            {
                var reachable = problem.Reaches[r].Covers.Where(i => open[i]).ToList();
                if (reachable.Count == 0)
                {
                    continue;
                }

                var anyUncovered = reachable.Any(i => coverers[i].Count == 0);
                var useful = false;
                foreach (var u in unitsOfKind[problem.Reaches[r].Kind])
                {
                    // A move helps only by reaching a point the unit does not cover where it stands. Past the integer
                    // program's size, pairs are only counted: the travel times are measured for the greedy's picks alone.
                    if (!anyUncovered && reachable.All(i => coverers[i].Contains(u)))
                    {
                        continue;
                    }

                    if (pairCount < maxPairs)
                    {
                        if (problem.Travel(u, r) is not { } eta)
                        {
                            continue;
                        }

                        pairs.Add(new Move(u, r, eta));
                    }

                    pairCount++;
                    movers.Add(u);
                    useful = true;
                }

                if (useful)
                {
                    usefulReaches.Add(r);
                }
            }

            if (pairCount > maxPairs)
            {
                pairs.Clear();
            }

            var mover = movers;
            var reachesOf = Enumerable.Range(0, n).Select(_ => new List<int>()).ToArray();
            foreach (var r in usefulReaches)
            {
                foreach (var i in problem.Reaches[r].Covers.Distinct())
                {
                    reachesOf[i].Add(r);
                }
            }

            // A point also covered by a unit that cannot usefully move stays covered.
            var points = Enumerable.Range(0, n)
                .Where(i => open[i] && coverers[i].All(mover.Contains) && (coverers[i].Count > 0 || reachesOf[i].Count > 0))
                .ToList();
            return new Reduced
            {
                Points = points, Pairs = pairs, PairCount = pairCount, Coverers = coverers, ReachesOf = reachesOf, Movers = movers.Order().ToList(), UsefulReaches = usefulReaches,
            };
        }
    }
}
