using Marten;
using Muster.Hazards;
using Muster.Jurisdictions;

namespace Muster.Readiness.Demand;

/// <summary>
/// The demand of the register: every hazard site of the ledger at its (representative) point, every township and
/// village at the seat of its government (a jurisdiction with a drawn boundary and no seat has no point to reach and is
/// left out). Ids are the places' own ids (a Guid, as text). In the order hazard sites, townships, villages, by name.
/// </summary>
public sealed class DemandPoints(IQuerySession session, DemandWeights weights) : IDemandPoints
{
    public async Task<IReadOnlyList<DemandPoint>> AllAsync(CancellationToken ct)
    {
        var sites = await session.Query<HazardSite>().ToListAsync(ct);
        var places = await session.Query<Jurisdiction>()
            .Where(j => j.Level == JurisdictionLevel.Township || j.Level == JurisdictionLevel.Village)
            .ToListAsync(ct);
        return
        [
            .. sites.OrderBy(s => s.Name, StringComparer.Ordinal)
                .Select(s => new DemandPoint(s.Id.ToString(), s.Name, DemandKind.HazardSite, s.Location, weights.Of(s.RiskLevel))),
            .. places.Where(j => j.Seat is not null)
                .OrderBy(j => j.Level).ThenBy(j => j.Name, StringComparer.Ordinal)
                .Select(j => new DemandPoint(j.Id.ToString(), j.Name,
                    j.Level == JurisdictionLevel.Township ? DemandKind.Township : DemandKind.Village,
                    j.Seat!.Value, weights.OfPopulation(j.Population))),
        ];
    }
}
