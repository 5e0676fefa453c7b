namespace Muster.Requests.Allocating;

/// <summary>What an allocation takes from which stock line, and what it could not find.</summary>
public sealed record AllocationPlan(IReadOnlyList<AllocatedStock> Allocations, IReadOnlyList<ItemQuantity> Shortfalls);

/// <summary>
/// Covers each missing line from the nearest drawable stock first, taking all a line has before moving on to the
/// next depot; what no candidate covers is a shortfall. Pure: the candidates carry the numbers to trust.
/// </summary>
public static class AllocationPlanner
{
    public static AllocationPlan Plan(IReadOnlyList<ItemQuantity> missing, Guid? requestingAgency, IReadOnlyList<StockCandidate> candidates)
    {
        var allocations = new List<AllocatedStock>();
        var shortfalls = new List<ItemQuantity>();
        foreach (var line in missing)
        {
            var left = line.Quantity;
            var nearestFirst = candidates
                .Where(c => c.ItemCode == line.ItemCode && c.Available > 0 && DrawableDepots.MayDrawOn(requestingAgency, c))
                .OrderBy(c => c.DistanceMeters).ThenBy(c => c.DepotId);
            foreach (var candidate in nearestFirst)
            {
                if (left == 0)
                {
                    break;
                }

                var take = Math.Min(left, candidate.Available);
                allocations.Add(new AllocatedStock(candidate.StockLineId, candidate.DepotId, candidate.ItemCode, take, candidate.DistanceMeters));
                left -= take;
            }

            if (left > 0)
            {
                shortfalls.Add(line with { Quantity = left });
            }
        }

        return new AllocationPlan(allocations, shortfalls);
    }
}
