using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Muster.Units.Locating;
using Npgsql;

namespace Muster.Benchmarks;

/// <summary>
/// POST /bare/nearest <c>{"lat":…,"lon":…}</c>: the raw KNN query on <c>unit_locations</c> behind a bare ASP.NET
/// endpoint in the service's host, on the service's own connection pool, its ten rows written back as JSON. No token,
/// no GraphQL, no ETA, no status: the least any service pays here to answer the nearest units over HTTP.
/// </summary>
public static class BareNearest
{
    public const string Path = "/bare/nearest";

    /// <summary>The raw k-nearest query on a location table, as the nearest rows' baseline runs it.</summary>
    public static string Sql(string table) =>
        $"select id, ST_Distance(location, q.p) from {table}, " +
        "(select ST_SetSRID(ST_MakePoint(@lon, @lat), 4326)::geography as p) q order by location <-> q.p limit 10";

    public static async Task AnswerAsync(HttpContext context)
    {
        var point = await JsonSerializer.DeserializeAsync<Near>(context.Request.Body, JsonSerializerOptions.Web, context.RequestAborted)
            ?? throw new InvalidOperationException("no point");
        await using var command = context.RequestServices.GetRequiredService<NpgsqlDataSource>().CreateCommand(Sql(UnitLocationsTable.Name));
        command.Parameters.AddWithValue("lat", point.Lat);
        command.Parameters.AddWithValue("lon", point.Lon);
        await using var reader = await command.ExecuteReaderAsync(context.RequestAborted);
        context.Response.ContentType = "application/json";
        await using var json = new Utf8JsonWriter(context.Response.Body);
        json.WriteStartArray();
        while (await reader.ReadAsync(context.RequestAborted))
        {
            json.WriteStartObject();
            json.WriteString("id", reader.GetGuid(0));
            json.WriteNumber("distanceMeters", reader.GetDouble(1));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        await json.FlushAsync(context.RequestAborted);
    }

    private sealed record Near(double Lat, double Lon);
}
