using System.Globalization;
using Muster.Depots.Locating;
using Muster.Experts;
using Muster.Experts.Locating;
using Muster.Plans;
using Muster.Spatial;
using Muster.Supplies.Levels;
using Muster.Units;
using Muster.Units.Locating;
using Npgsql;

namespace Muster.Dispatch.Proposing;

/// <summary>
/// Gathers what the planner chooses from with a handful of indexed spatial queries: one k-nearest query per
/// capability, item and specialty, and one tag census each for units and experts. Never a scan of all units or depots.
/// </summary>
public sealed class DispatchCandidateFinder(UnitFinder units, ExpertFinder experts, NpgsqlDataSource database, EtaModel eta)
{
    /// <summary>Depots per item: enough to cover a large quantity from many small stocks.</summary>
    public const int DepotsPerItem = 20;

    public async Task<DispatchCandidates> FindAsync(GeoPoint near, Requirements requirements, CancellationToken ct)
    {
        // A unit fills one requirement only, so a capability may need as many candidates as all requirements
        // together, plus alternatives.
        var unitDepth = Math.Min(UnitFinder.MaxNearest, requirements.Units.Sum(u => u.Count) + DispatchPlanner.MaxAlternatives);
        var unitsByCapability = new Dictionary<string, IReadOnlyList<Candidate>>();
        foreach (var need in requirements.Units)
        {
            var found = await units.NearestAsync(near, new UnitScope(null, UnitStatus.Available, need.Capability), unitDepth, ct);
            unitsByCapability[need.Capability] = found.Select(u => new Candidate(u.Unit.Id, u.DistanceMeters, u.EtaSeconds, u.PositionStale)).ToList();
        }

        var expertDepth = Math.Min(ExpertFinder.MaxNearest, requirements.Experts.Sum(e => e.Count) + DispatchPlanner.MaxAlternatives);
        var expertsBySpecialty = new Dictionary<string, IReadOnlyList<Candidate>>();
        foreach (var need in requirements.Experts)
        {
            var found = await experts.NearestAsync(near, new ExpertScope(null, ExpertAvailability.Available, need.Specialty), expertDepth, ct);
            expertsBySpecialty[need.Specialty] = found.Select(e => new Candidate(e.Expert.Id, e.DistanceMeters, e.EtaSeconds)).ToList();
        }

        var stockByItem = new Dictionary<string, IReadOnlyList<StockCandidate>>();
        foreach (var need in requirements.Supplies)
        {
            stockByItem[need.ItemCode] = await SharedStockAsync(near, need.ItemCode, ct);
        }

        var unitsCarrying = requirements.Units.Count == 0 ? [] : (await units.CapabilitiesAsync(null, ct)).ToDictionary(t => t.Tag, t => t.Count);
        var expertsWith = requirements.Experts.Count == 0 ? [] : (await experts.SpecialtiesAsync(null, ct)).ToDictionary(t => t.Tag, t => t.Count);
        return new DispatchCandidates(unitsByCapability, unitsCarrying, stockByItem, expertsBySpecialty, expertsWith);
    }

    /// <summary>
    /// Open shared-pool depots with the item available, nearest first: the GiST index brings a margin of candidates
    /// (it orders on the sphere), the spheroid distance ranks them.
    /// </summary>
    private async Task<IReadOnlyList<StockCandidate>> SharedStockAsync(GeoPoint near, string itemCode, CancellationToken ct)
    {
        await using var command = database.CreateCommand($"""
            select c.id, c.available, c.distance from (
              select d.id, s.on_hand - s.reserved as available, ST_Distance(d.location, @point) as distance
              from {DepotLocationsTable.Name} d join {StockLevelsTable.Name} s on s.depot_id = d.id and s.item_code = @item
              where d.shared and not d.closed and s.on_hand - s.reserved > 0
              order by d.location <-> @point limit {(2 * DepotsPerItem + 10).ToString(CultureInfo.InvariantCulture)}) c
            order by c.distance, c.id limit {DepotsPerItem.ToString(CultureInfo.InvariantCulture)}
            """);
        command.Parameters.AddWithValue("point", near.ToPoint());
        command.Parameters.AddWithValue("item", itemCode);
        var found = new List<StockCandidate>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var meters = reader.GetDouble(2);
            found.Add(new StockCandidate(reader.GetGuid(0), itemCode, reader.GetInt32(1), meters, eta.SupplySeconds(meters)));
        }

        return found;
    }
}
