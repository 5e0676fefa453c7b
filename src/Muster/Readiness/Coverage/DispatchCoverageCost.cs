namespace Muster.Readiness.Coverage;

/// <summary>A unit a dispatch sends, and the capability it goes for.</summary>
public sealed record SentUnit(Guid UnitId, string Capability);

/// <summary>
/// The cost of a dispatch to the rest of the city: for each capability it sends, the coverage of the register's demand
/// points within the capability's limit (<see cref="ReadinessOptions.LimitOf"/>) with every AVAILABLE unit, and without
/// the units it takes. Empty when <see cref="ReadinessOptions.CostOfDispatch"/> is off.
/// </summary>
public sealed class DispatchCoverageCost(CoverageCalculator calculator, IDemandPoints register, ReadinessOptions options)
{
    /// <param name="capabilities">The capabilities the dispatch may send (its requirements').</param>
    /// <param name="sent">The units it sends, once planned: the demand points and the eligible units are read
    /// meanwhile, so the cost adds less than its own time to a proposal.</param>
    public async Task<IReadOnlyList<CoverageCost>> OfAsync(IReadOnlyCollection<string> capabilities, Task<IReadOnlyList<SentUnit>> sent, CancellationToken ct)
    {
        if (!options.CostOfDispatch || capabilities.Count == 0)
        {
            return [];
        }

        var demand = await register.AllAsync(ct);
        var asks = capabilities.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(c => new CoverageAsk(c, options.LimitOf(c), options.LimitOf(c)))
            .ToList();
        async Task<IReadOnlyCollection<Guid>> Taken() => [.. (await sent).Select(u => u.UnitId)];
        var answers = await calculator.ComputeAsync(asks, demand, Taken(), ct);
        var sends = (await sent).Select(u => u.Capability).ToHashSet(StringComparer.Ordinal);
        return asks.Select((ask, a) => (ask, a)).Where(x => sends.Contains(x.ask.Capability)).Select(x =>
        {
            var (ask, a) = x;
            var (before, after) = (answers[a].Before, answers[a].After);
            var lost = before.Points.Zip(after.Points)
                .Where(p => p.First.Covered && !p.Second.Covered)
                .OrderByDescending(p => p.First.Point.Weight).ThenBy(p => p.First.Point.Name, StringComparer.Ordinal)
                .Select(p => new LostCoverage(p.First.Point.Id, p.First.Point.Name, p.First.Point.Kind, p.First.Point.Location, p.First.Point.Weight,
                    p.First.BestEtaSeconds, p.Second.BestEtaSeconds))
                .ToList();
            return new CoverageCost(ask.Capability, ask.WithinSeconds, demand.Count, before.CoveredShare, after.CoveredShare,
                before.CoveredWeightShare, after.CoveredWeightShare, lost);
        }).ToList();
    }
}
