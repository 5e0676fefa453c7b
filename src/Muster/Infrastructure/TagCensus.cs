using Npgsql;
using NpgsqlTypes;

namespace Muster.Infrastructure;

/// <summary>Which <see cref="Tags"/> are in use in a read table, and how often.</summary>
public static class TagCensus
{
    /// <summary>
    /// Each tag of the text[] <paramref name="column"/> of <paramref name="table"/> with the number of rows carrying it,
    /// most common first; only one agency's rows when <paramref name="agencyId"/> is given (the table has agency_id);
    /// only the tags in <paramref name="only"/> when given, through the column's GIN index rather than every row.
    /// </summary>
    public static async Task<IReadOnlyList<(string Tag, int Count)>> CountAsync(
        NpgsqlDataSource database, string table, string column, Guid? agencyId, IReadOnlyCollection<string>? only, CancellationToken ct)
    {
        if (only is { Count: 0 })
        {
            return [];
        }

        var among = only is null ? "" : $"and t.{column} && @only and tag = any(@only)";
        await using var command = database.CreateCommand($"""
            select tag, count(*)::int from {table} t, unnest(t.{column}) as tag
            where (@agency::uuid is null or t.agency_id = @agency) {among} group by tag order by 2 desc, 1
            """);
        command.Parameters.AddWithValue("agency", NpgsqlDbType.Uuid, (object?)agencyId ?? DBNull.Value);
        if (only is not null)
        {
            command.Parameters.AddWithValue("only", NpgsqlDbType.Array | NpgsqlDbType.Text, only.ToArray());
        }

        var tags = new List<(string, int)>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            tags.Add((reader.GetString(0), reader.GetInt32(1)));
        }

        return tags;
    }
}
