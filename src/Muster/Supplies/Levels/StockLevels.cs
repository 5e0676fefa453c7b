using Muster.Depots.Locating;
using Muster.Infrastructure;
using Npgsql;

namespace Muster.Supplies.Levels;

/// <summary>A stock line's counts as the stock-level table holds them.</summary>
public sealed record StockLevel(Guid StockLineId, Guid DepotId, string ItemCode, int OnHand, int Reserved, int InTransit, DateTimeOffset UpdatedAt)
{
    public int Available => OnHand - Reserved;
}

/// <summary>One item's counts summed over the depots a viewer may see.</summary>
public sealed record StockTotal(string ItemCode, int OnHand, int Reserved, int InTransit, int Depots)
{
    public int Available => OnHand - Reserved;
}

/// <summary>
/// Reads the stock-level table, always through depot visibility (<see cref="Depots.DepotVisibility"/> in SQL): a
/// partner gets the open shared depots and its own agency's, never another agency's private ones.
/// </summary>
public sealed class StockLevels(NpgsqlDataSource database)
{
    public const int MaxRows = 1000;

    /// <summary>The levels of an item, of a depot, or of one stock line; closed depots left out. At most <see cref="MaxRows"/>, by depot then item.</summary>
    public async Task<IReadOnlyList<StockLevel>> FindAsync(string? itemCode, Guid? depotId, Actor viewer, CancellationToken ct)
    {
        await using var command = database.CreateCommand($"""
            select s.id, s.depot_id, s.item_code, s.on_hand, s.reserved, s.in_transit, s.updated_at
            from {StockLevelsTable.Name} s join {DepotLocationsTable.Name} d on d.id = s.depot_id
            where not d.closed and {Visible(viewer)}
              and (@item::text is null or s.item_code = @item) and (@depot::uuid is null or s.depot_id = @depot)
            order by s.depot_id, s.item_code limit {MaxRows}
            """);
        command.Parameters.AddWithValue("agency", viewer.AgencyId ?? Guid.Empty);
        command.Parameters.AddWithValue("item", NpgsqlTypes.NpgsqlDbType.Text, (object?)itemCode ?? DBNull.Value);
        command.Parameters.AddWithValue("depot", NpgsqlTypes.NpgsqlDbType.Uuid, (object?)depotId ?? DBNull.Value);
        return await ReadAsync(command, ct);
    }

    /// <summary>Stock levels by stock-line id, whatever the depot (callers have checked visibility).</summary>
    public async Task<IReadOnlyDictionary<Guid, StockLevel>> ByIdsAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        await using var command = database.CreateCommand(
            $"select s.id, s.depot_id, s.item_code, s.on_hand, s.reserved, s.in_transit, s.updated_at from {StockLevelsTable.Name} s where s.id = any(@ids)");
        command.Parameters.AddWithValue("ids", ids.ToArray());
        return (await ReadAsync(command, ct)).ToDictionary(l => l.StockLineId);
    }

    /// <summary>Stock levels by stock-line id, of depots the viewer may see (closed ones included, as for the depots themselves).</summary>
    public async Task<IReadOnlyDictionary<Guid, StockLevel>> VisibleByIdsAsync(IReadOnlyCollection<Guid> ids, Actor viewer, CancellationToken ct)
    {
        await using var command = database.CreateCommand($"""
            select s.id, s.depot_id, s.item_code, s.on_hand, s.reserved, s.in_transit, s.updated_at
            from {StockLevelsTable.Name} s join {DepotLocationsTable.Name} d on d.id = s.depot_id
            where s.id = any(@ids) and {Visible(viewer)}
            """);
        command.Parameters.AddWithValue("ids", ids.ToArray());
        command.Parameters.AddWithValue("agency", viewer.AgencyId ?? Guid.Empty);
        return (await ReadAsync(command, ct)).ToDictionary(l => l.StockLineId);
    }

    /// <summary>
    /// Per item, the sums over the open depots the viewer may see, or only over the shared pool. Items whose code
    /// starts with <paramref name="codePrefix"/> (all when null), by code.
    /// </summary>
    public async Task<IReadOnlyList<StockTotal>> TotalsAsync(string? codePrefix, bool sharedOnly, Actor viewer, CancellationToken ct)
    {
        await using var command = database.CreateCommand($"""
            select s.item_code, sum(s.on_hand)::int, sum(s.reserved)::int, sum(s.in_transit)::int, count(*)::int
            from {StockLevelsTable.Name} s join {DepotLocationsTable.Name} d on d.id = s.depot_id
            where not d.closed and {(sharedOnly ? "d.shared" : Visible(viewer))} and s.item_code like @prefix
            group by s.item_code order by s.item_code limit {MaxRows}
            """);
        command.Parameters.AddWithValue("prefix", (codePrefix ?? string.Empty) + "%");
        command.Parameters.AddWithValue("agency", viewer.AgencyId ?? Guid.Empty);
        var totals = new List<StockTotal>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            totals.Add(new StockTotal(reader.GetString(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3), reader.GetInt32(4)));
        }

        return totals;
    }

    /// <summary>Whether a depot holds, has promised, or awaits any stock: a depot closes only when this is false.</summary>
    public async Task<bool> HoldsStockAsync(Guid depotId, CancellationToken ct)
    {
        await using var command = database.CreateCommand(
            $"select exists (select 1 from {StockLevelsTable.Name} where depot_id = @depot and (on_hand > 0 or reserved > 0 or in_transit > 0))");
        command.Parameters.AddWithValue("depot", depotId);
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }

    private static async Task<List<StockLevel>> ReadAsync(NpgsqlCommand command, CancellationToken ct)
    {
        var levels = new List<StockLevel>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            levels.Add(new StockLevel(reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2), reader.GetInt32(3), reader.GetInt32(4),
                reader.GetInt32(5), reader.GetFieldValue<DateTimeOffset>(6)));
        }

        return levels;
    }

    /// <summary>The SQL form of depot visibility over <c>d</c> (depot_locations), with the viewer's agency as <c>@agency</c>.</summary>
    public static string Visible(Actor viewer) => viewer.Role == Role.Partner ? "(d.agency_id = @agency or (d.shared and not d.closed))" : "true";
}
