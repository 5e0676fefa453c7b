namespace Muster.Readiness.MoveUp;

/// <summary>What can change: the points whose coverage depends on the moves, and the moves that may help.</summary>
internal sealed class Reduced
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
