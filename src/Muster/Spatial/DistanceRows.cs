using Marten;
using Npgsql;

namespace Muster.Spatial;

/// <summary>The documents behind a spatial query that answers rows of (id uuid, metres double).</summary>
public static class DistanceRows
{
    /// <summary>Runs <paramref name="command"/>, then loads the documents in one round trip, in the rows' order; a row without a document is dropped.</summary>
    public static async Task<IReadOnlyList<(T Document, double Meters)>> LoadAsync<T>(
        NpgsqlCommand command, IQuerySession session, Func<T, Guid> idOf, CancellationToken ct)
        where T : notnull
    {
        var rows = new List<(Guid Id, double Meters)>();
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                rows.Add((reader.GetGuid(0), reader.GetDouble(1)));
            }
        }

        var documents = (await session.LoadManyAsync<T>(ct, rows.Select(r => r.Id))).ToDictionary(idOf);
        return rows
            .Where(r => documents.ContainsKey(r.Id))
            .Select(r => (documents[r.Id], r.Meters))
            .ToList();
    }
}
