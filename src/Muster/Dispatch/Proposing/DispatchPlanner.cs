using System.Globalization;
using Muster.Plans;

namespace Muster.Dispatch.Proposing;

public sealed record PlannedDispatch(
    IReadOnlyList<ProposedUnit> Units, IReadOnlyList<ProposedSupply> Supplies, IReadOnlyList<ProposedExpert> Experts, IReadOnlyList<Shortfall> Shortfalls);

/// <summary>
/// Chooses what to send; pure. Units: per capability the soonest AVAILABLE ones (fresh positions before stale), the
/// scarcest capability first so that a unit that alone has a rare capability is not spent on a common one; a unit
/// fills at most one requirement. Supplies: nearest depot first until the quantity is covered. Experts like units.
/// What cannot be covered becomes a shortfall with its reason; nothing is invented.
/// </summary>
public static class DispatchPlanner
{
    public const int MaxAlternatives = 3;

    public static PlannedDispatch Plan(Requirements requirements, DispatchCandidates candidates)
    {
        var shortfalls = new List<Shortfall>();
        var units = Choose(requirements.Units.Select(u => (u.Capability, u.Count)), candidates.UnitsByCapability, candidates.UnitsCarrying,
            ShortfallKind.Unit, "unit", shortfalls,
            (need, chosen, alternatives) => new ProposedUnit(chosen.Id, need, chosen.DistanceMeters, chosen.EtaSeconds, chosen.PositionStale,
                Reason("AVAILABLE unit", need, chosen), alternatives));
        var experts = Choose(requirements.Experts.Select(e => (e.Specialty, e.Count)), candidates.ExpertsBySpecialty, candidates.ExpertsWith,
            ShortfallKind.Expert, "expert", shortfalls,
            (need, chosen, alternatives) => new ProposedExpert(chosen.Id, need, chosen.DistanceMeters, chosen.EtaSeconds,
                Reason("AVAILABLE expert", need, chosen), alternatives));
        var supplies = new List<ProposedSupply>();
        foreach (var need in requirements.Supplies)
        {
            var left = need.Quantity;
            var stock = candidates.StockByItem.GetValueOrDefault(need.ItemCode) ?? [];
            var used = new List<(SupplyCandidate Candidate, int Quantity)>();
            foreach (var candidate in stock.Where(s => s.Available > 0))
            {
                if (left == 0)
                {
                    break;
                }

                var take = Math.Min(left, candidate.Available);
                used.Add((candidate, take));
                left -= take;
            }

            var alternatives = stock.Where(s => s.Available > 0).Skip(used.Count).Take(MaxAlternatives)
                .Select(s => new DepotAlternative(s.DepotId, s.Available, s.DistanceMeters, s.EtaSeconds)).ToList();
            supplies.AddRange(used.Select((u, i) => new ProposedSupply(u.Candidate.DepotId, need.ItemCode, u.Quantity, u.Candidate.DistanceMeters,
                u.Candidate.EtaSeconds,
                $"{(i == 0 ? "nearest" : "next nearest")} depot with {need.ItemCode} available ({u.Candidate.Available}), {Km(u.Candidate.DistanceMeters)}, ETA {Minutes(u.Candidate.EtaSeconds)}",
                alternatives)));
            if (left > 0)
            {
                var found = need.Quantity - left;
                shortfalls.Add(new Shortfall(ShortfallKind.Supply, need.ItemCode, left,
                    found == 0 ? "none available in the depots the incident may draw on" : $"stock short by {left}: only {found} available"));
            }
        }

        return new PlannedDispatch(units, supplies, experts, shortfalls);
    }

    private static List<T> Choose<T>(
        IEnumerable<(string Need, int Count)> needs,
        IReadOnlyDictionary<string, IReadOnlyList<Candidate>> candidatesByNeed,
        IReadOnlyDictionary<string, int> existing,
        ShortfallKind kind,
        string noun,
        List<Shortfall> shortfalls,
        Func<string, Candidate, IReadOnlyList<Alternative>, T> propose)
    {
        var taken = new HashSet<Guid>();
        var chosen = new List<(string Need, Candidate Candidate)>();
        // Scarcest first: fewest candidates per unit needed.
        foreach (var (need, count) in needs.OrderBy(n => (double)(candidatesByNeed.GetValueOrDefault(n.Need)?.Count ?? 0) / n.Count).ThenBy(n => n.Need, StringComparer.Ordinal))
        {
            var pool = candidatesByNeed.GetValueOrDefault(need) ?? [];
            var picked = pool.Where(c => !taken.Contains(c.Id)).Take(count).ToList();
            foreach (var c in picked)
            {
                taken.Add(c.Id);
                chosen.Add((need, c));
            }

            if (picked.Count < count)
            {
                var total = existing.GetValueOrDefault(need);
                var reason = total == 0 ? $"no {noun} has {need}"
                    : pool.Count == 0 ? $"all {total} with {need} are busy or out of service"
                    : $"only {picked.Count} AVAILABLE with {need} (of {total}) not already proposed";
                shortfalls.Add(new Shortfall(kind, need, count - picked.Count, reason));
            }
        }

        // Alternatives once everything is chosen: the next candidates for the same need that nothing took.
        return chosen
            .Select(c => propose(c.Need, c.Candidate, (candidatesByNeed.GetValueOrDefault(c.Need) ?? [])
                .Where(a => !taken.Contains(a.Id)).Take(MaxAlternatives)
                .Select(a => new Alternative(a.Id, a.DistanceMeters, a.EtaSeconds)).ToList()))
            .ToList();
    }

    private static string Reason(string what, string need, Candidate c) =>
        $"nearest {what} with {need}, ETA {Minutes(c.EtaSeconds)}, {Km(c.DistanceMeters)}" + (c.PositionStale ? " (position stale)" : "");

    private static string Km(double meters) => (meters / 1000).ToString("0.0", CultureInfo.InvariantCulture) + " km";

    private static string Minutes(int seconds) => Math.Max(1, (int)Math.Round(seconds / 60.0)).ToString(CultureInfo.InvariantCulture) + " min";
}
