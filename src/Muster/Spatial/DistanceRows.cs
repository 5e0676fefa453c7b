using Marten;
using Npgsql;

namespace Muster.Spatial;

/// <summary>The documents behind a spatial query that answers rows of (id uuid, distance double), in the same statement.</summary>
public static class DistanceRows
{
    /// <summary>
    /// Runs <paramref name="command"/> joined with the documents of its rows, in one round trip, nearest first (then by
    /// id); a row without a document is dropped.
    /// </summary>
    public static async Task<IReadOnlyList<(T Document, double Meters)>> LoadAsync<T>(NpgsqlCommand command, IQuerySession session, CancellationToken ct)
        where T : notnull
    {
        command.CommandText = $"""
            select l.distance, d.data from ({command.CommandText}) as l
            join {DocumentTable<T>(session)} d on d.id = l.id
            order by l.distance, l.id
            """;
        var found = new List<(T, double)>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            found.Add((session.DocumentStore.Options.Serializer().FromJson<T>(reader, 1), reader.GetDouble(0)));
        }

        return found;
    }

    /// <summary>The table Marten keeps the documents of <typeparamref name="T"/> in, schema-qualified, for a join.</summary>
    public static string DocumentTable<T>(IQuerySession session) =>
        session.DocumentStore.Options.FindOrResolveDocumentType(typeof(T)).TableName.QualifiedName;
}
