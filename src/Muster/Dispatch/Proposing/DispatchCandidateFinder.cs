using Muster.Experts;
using Muster.Experts.Locating;
using Muster.Plans;
using Muster.Requests.Allocating;
using Muster.Spatial;
using Muster.Units;
using Muster.Units.Locating;

namespace Muster.Dispatch.Proposing;

/// <summary>
/// Gathers what the planner chooses from with a handful of indexed spatial queries: one k-nearest query per
/// capability, item and specialty, and a tag census of the needs that may fall short. Never a scan of all units or depots.
/// </summary>
public sealed class DispatchCandidateFinder(UnitFinder units, ExpertFinder experts, StockCandidates depots, EtaModel eta)
{
    public async Task<DispatchCandidates> FindAsync(GeoPoint near, Requirements requirements, IReadOnlyCollection<Guid>? excluding, CancellationToken ct)
    {
        // A unit fills one requirement only, so a capability may need as many candidates as all requirements
        // together, plus alternatives, plus those left out (they are found, then dropped).
        var left = new HashSet<Guid>(excluding ?? []);
        var unitDepth = Math.Min(UnitFinder.MaxNearest, requirements.Units.Sum(u => u.Count) + DispatchPlanner.MaxAlternatives + left.Count);
        var expertDepth = Math.Min(ExpertFinder.MaxNearest, requirements.Experts.Sum(e => e.Count) + DispatchPlanner.MaxAlternatives + left.Count);

        // Units, experts and depots are read side by side, each on its own connection: a proposal waits for the
        // slowest of the three, not for their sum (the city's: 35 ms one after another, on two cores).
        var finding = UnitsAsync(near, requirements, unitDepth, left, ct);
        var consulting = ExpertsAsync(near, requirements, expertDepth, left, ct);
        var stocking = StockAsync(near, requirements, left, ct);
        await Task.WhenAll(finding, consulting, stocking);
        var (unitsByCapability, expertsBySpecialty, stockByItem) = (await finding, await consulting, await stocking);

        // Only a need with fewer AVAILABLE candidates than asked for can fall short (the depth covers every requirement
        // together), so only those are counted, to tell "nobody has it" from "all busy". Usually none.
        var unitsCarrying = (await units.CapabilitiesAsync(null, Short(unitsByCapability, unitDepth - left.Count), ct)).ToDictionary(t => t.Tag, t => t.Count);
        var expertsWith = (await experts.SpecialtiesAsync(null, Short(expertsBySpecialty, expertDepth - left.Count), ct)).ToDictionary(t => t.Tag, t => t.Count);
        return new DispatchCandidates(unitsByCapability, unitsCarrying, stockByItem, expertsBySpecialty, expertsWith);
    }

    /// <summary>Per capability, the AVAILABLE units that arrive soonest. The planner reads only ids, distances, ETAs
    /// and freshness: no unit's document is read.</summary>
    private async Task<Dictionary<string, IReadOnlyList<Candidate>>> UnitsAsync(
        GeoPoint near, Requirements requirements, int depth, HashSet<Guid> left, CancellationToken ct)
    {
        var found = await units.NearestEachAsync(
            near, [.. requirements.Units.Select(need => new UnitScope(null, UnitStatus.Available, need.Capability))], depth, UnitDetail.LocationRow, ct);
        var byCapability = new Dictionary<string, IReadOnlyList<Candidate>>();
        foreach (var (need, nearest) in requirements.Units.Zip(found))
        {
            byCapability[need.Capability] = nearest.Where(u => !left.Contains(u.Unit.Id))
                .Select(u => new Candidate(u.Unit.Id, u.DistanceMeters, u.EtaSeconds, u.PositionStale)).ToList();
        }

        return byCapability;
    }

    private async Task<Dictionary<string, IReadOnlyList<Candidate>>> ExpertsAsync(
        GeoPoint near, Requirements requirements, int depth, HashSet<Guid> left, CancellationToken ct)
    {
        var bySpecialty = new Dictionary<string, IReadOnlyList<Candidate>>();
        foreach (var need in requirements.Experts)
        {
            var found = await experts.NearestAsync(near, new ExpertScope(null, ExpertAvailability.Available, need.Specialty), depth, ct);
            bySpecialty[need.Specialty] = found.Where(e => !left.Contains(e.Expert.Id))
                .Select(e => new Candidate(e.Expert.Id, e.DistanceMeters, e.EtaSeconds)).ToList();
        }

        return bySpecialty;
    }

    /// <summary>
    /// The incident draws on the shared pool (no requesting agency), nearest depots first: the depots that hold what it
    /// needs and the alternatives after them, or all 50 nearest of each item when some are left out (they may hold
    /// any part of it).
    /// </summary>
    private async Task<Dictionary<string, IReadOnlyList<SupplyCandidate>>> StockAsync(
        GeoPoint near, Requirements requirements, HashSet<Guid> left, CancellationToken ct)
    {
        var enough = left.Count == 0 ? requirements.Supplies.GroupBy(s => s.ItemCode).ToDictionary(g => g.Key, g => g.Sum(s => s.Quantity)) : null;
        var stock = (await depots.NearestAsync(
            [new CandidateQuery(requirements.Supplies.Select(s => s.ItemCode).ToList(), near, null)], ct, enough, DispatchPlanner.MaxAlternatives))[0];
        return requirements.Supplies.ToDictionary(s => s.ItemCode, s => (IReadOnlyList<SupplyCandidate>)stock
            .Where(c => c.ItemCode == s.ItemCode && !left.Contains(c.DepotId))
            .Select(c => new SupplyCandidate(c.DepotId, c.ItemCode, c.Available, c.DistanceMeters, eta.SupplySeconds(c.DistanceMeters)))
            .ToList());
    }

    private static List<string> Short(Dictionary<string, IReadOnlyList<Candidate>> found, int depth) =>
        found.Where(f => f.Value.Count < depth).Select(f => f.Key).ToList();
}
