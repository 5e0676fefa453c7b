namespace Muster.Readiness.Coverage;

/// <summary>
/// How soon the two soonest AVAILABLE units with the capability reach one demand point: null when none arrives within
/// the horizon the question looked at (twice the limit for <c>coverage</c>, the limit itself for the cost of a dispatch).
/// </summary>
public sealed record PointCoverage(DemandPoint Point, int? BestEtaSeconds, int? SecondBestEtaSeconds, int WithinSeconds)
{
    public bool Covered => BestEtaSeconds <= WithinSeconds;

    /// <summary>A second unit would also arrive in time: the point stays covered if the first is sent elsewhere.</summary>
    public bool BackedUp => SecondBestEtaSeconds <= WithinSeconds;
}

/// <summary>The coverage of a set of demand points by the units with one capability, within a time limit.</summary>
public sealed record CoverageAnswer(string Capability, int WithinSeconds, IReadOnlyList<PointCoverage> Points)
{
    /// <summary>Covered points over all points (1 when there are none: nothing is left uncovered).</summary>
    public double CoveredShare => Points.Count == 0 ? 1 : (double)Points.Count(p => p.Covered) / Points.Count;

    /// <summary>Covered weight over all weight (1 when there is no weight).</summary>
    public double CoveredWeightShare
    {
        get
        {
            var total = Points.Sum(p => p.Point.Weight);
            return total <= 0 ? 1 : Points.Where(p => p.Covered).Sum(p => p.Point.Weight) / total;
        }
    }

    /// <summary>Points reached in time by two units, over all points.</summary>
    public double BackedUpShare => Points.Count == 0 ? 1 : (double)Points.Count(p => p.BackedUp) / Points.Count;

    public IReadOnlyList<PointCoverage> Uncovered => [.. Points.Where(p => !p.Covered)];
}

/// <summary>
/// What approving a dispatch costs the rest of the city for one capability: the coverage with every AVAILABLE unit,
/// and without the units the dispatch takes, and the demand points that only those units reached in time.
/// </summary>
public sealed record CoverageCost(
    string Capability,
    int WithinSeconds,
    int DemandPoints,
    double CoveredShareBefore,
    double CoveredShareAfter,
    double CoveredWeightShareBefore,
    double CoveredWeightShareAfter,
    IReadOnlyList<LostCoverage> NewlyUncovered);

/// <summary>A demand point covered before the dispatch and not after it, with its soonest ETA before and after.</summary>
public sealed record LostCoverage(string Id, string Name, DemandKind Kind, Spatial.GeoPoint Location, double Weight, int? EtaSecondsBefore, int? EtaSecondsAfter);
