using Muster.Depots.Locating;
using Muster.Supplies.Levels;
using Npgsql;

namespace Muster.Catalog.CheckingLowStock;

/// <summary>What may still be allocated of each item, summed over every open depot, whoever keeps it.</summary>
public sealed class AvailableStock(NpgsqlDataSource database)
{
    /// <summary>Available stock by item code; an item no open depot holds is absent (0).</summary>
    public async Task<IReadOnlyDictionary<string, int>> ByItemAsync(IReadOnlyCollection<string> codes, CancellationToken ct)
    {
        await using var command = database.CreateCommand($"""
            select s.item_code, least(sum(s.on_hand - s.reserved), {int.MaxValue})::int
            from {StockLevelsTable.Name} s join {DepotLocationsTable.Name} d on d.id = s.depot_id
            where not d.closed and s.item_code = any(@codes)
            group by s.item_code
            """);
        command.Parameters.AddWithValue("codes", codes.ToArray());
        var available = new Dictionary<string, int>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            available[reader.GetString(0)] = reader.GetInt32(1);
        }

        return available;
    }
}
