using System.Globalization;
using Muster.Depots.Locating;
using Muster.Spatial;
using Muster.Supplies.Levels;
using Npgsql;

namespace Muster.Requests.Allocating;

/// <summary>
/// Reads, for each item, the stock lines with something available in the depots a request may draw on, nearest to
/// the delivery point first: one query over the stock-level table and the depots' spatial table. A read only: the
/// allocation fetches the lines it takes from for writing and checks their numbers again.
/// </summary>
public sealed class StockCandidates(NpgsqlDataSource database)
{
    /// <summary>The nearest depots considered for one item; beyond them, what is missing is a shortfall.</summary>
    public const int DepotsPerItem = 50;

    public async Task<IReadOnlyList<StockCandidate>> NearestAsync(
        IReadOnlyCollection<string> itemCodes, GeoPoint deliverTo, Guid? requestingAgency, CancellationToken ct)
    {
        // k-nearest through the GiST index per item (the lateral join); the limit stays a literal so the plan keeps
        // the index (FIELD-NOTES). The index orders on the sphere; ST_Distance then measures on the spheroid.
        await using var command = database.CreateCommand($"""
            select c.id, c.depot_id, c.item_code, c.available, c.distance, c.agency_id, c.shared
            from unnest(@items::text[]) as i(code)
            cross join lateral (
              select s.id, s.depot_id, s.item_code, s.on_hand - s.reserved as available,
                     ST_Distance(d.location, @point) as distance, d.agency_id, d.shared
              from {StockLevelsTable.Name} s join {DepotLocationsTable.Name} d on d.id = s.depot_id
              where s.item_code = i.code and s.on_hand - s.reserved > 0 and {DrawableDepots.Sql}
              order by d.location <-> @point
              limit {DepotsPerItem.ToString(CultureInfo.InvariantCulture)}) c
            order by c.item_code, c.distance, c.depot_id
            """);
        command.Parameters.AddWithValue("items", itemCodes.ToArray());
        command.Parameters.AddWithValue("point", deliverTo.ToPoint());
        command.Parameters.AddWithValue("agency", requestingAgency ?? Guid.Empty);
        var found = new List<StockCandidate>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            found.Add(new StockCandidate(reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2), reader.GetInt32(3),
                reader.GetDouble(4), reader.GetGuid(5), reader.GetBoolean(6)));
        }

        return found;
    }
}
