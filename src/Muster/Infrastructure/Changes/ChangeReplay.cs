using Npgsql;

namespace Muster.Infrastructure.Changes;

/// <summary>
/// Reads back from the event store the changes committed after a sequence number, as the notices
/// <see cref="ChangeNotifier"/> would have sent: one per stream and transaction (events grouped by the inserting
/// transaction's id), with the same kind, version, event types and last sequence number, ordered by that number.
/// </summary>
public static class ChangeReplay
{
    /// <summary>The highest sequence number committed so far; 0 when there are no events (or no event table yet).</summary>
    public static async Task<long> HighestAsync(NpgsqlConnection connection, string schema, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand($"select coalesce(max(seq_id), 0) from {schema}.mt_events", connection);
        try
        {
            return (long)(await command.ExecuteScalarAsync(ct))!;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return 0;
        }
    }

    /// <summary>The changes with a sequence number above <paramref name="after"/>, at most <paramref name="limit"/>.</summary>
    public static async Task<IReadOnlyList<ChangeNotice>> AfterAsync(
        NpgsqlConnection connection, string schema, long after, int limit, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            $"""
            select g.stream_id,
                   coalesce(replace(initcap(replace(s.type, '_', ' ')), ' ', ''), 'Unknown'),
                   g.version, g.types, g.seq
            from (select e.stream_id, e.xmin::text as tx, max(e.version) as version, max(e.seq_id) as seq,
                         array_agg(e.type order by e.seq_id) as types
                  from {schema}.mt_events e where e.seq_id > $1
                  group by e.stream_id, e.xmin::text) g
            join {schema}.mt_streams s on s.id = g.stream_id
            order by g.seq
            limit $2
            """, connection);
        command.Parameters.AddWithValue(after);
        command.Parameters.AddWithValue(limit);
        var notices = new List<ChangeNotice>();
        try
        {
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var types = reader.GetFieldValue<string[]>(3).Distinct().Take(ChangeNotifier.MaxEventTypes).ToList();
                notices.Add(new ChangeNotice(reader.GetGuid(0), reader.GetString(1), reader.GetInt64(2), types, reader.GetInt64(4)));
            }
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return [];
        }

        return notices;
    }
}
