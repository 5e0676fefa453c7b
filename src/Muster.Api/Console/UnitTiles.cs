using Muster.Api.Auth;
using Muster.Api.GraphQL.Relay;
using Muster.Api.Units;
using Muster.Units.Locating;
using Npgsql;
using Muster.Units;

// Not Muster.Api.Console: that name would hide System.Console from every file under Muster.Api.
namespace Muster.Api.BrowserConsole;

/// <summary>
/// Units as Mapbox vector tiles made by PostGIS (ST_AsMVT) from the units' spatial table, so a map draws a
/// province-scale register tile by tile. Same bearer token and the same visibility as the GraphQL unit queries:
/// a partner's tile holds only its own agency's units.
/// </summary>
public sealed class UnitTiles(NpgsqlDataSource database)
{
    public const string Layer = "units";
    public const int MaxZoom = 22;

    /// <summary>A tile at low zoom over a dense register is capped; the map shows the rest as it zooms in.</summary>
    public const int MaxFeaturesPerTile = 20_000;

    public async Task<IResult> HandleAsync(HttpContext http, int z, int x, int y)
    {
        if (HttpActorAccessor.ActorOf(http.User) is not { } viewer)
        {
            return Results.Unauthorized();
        }

        if (z is < 0 or > MaxZoom || x < 0 || y < 0 || x >= 1 << z || y >= 1 << z)
        {
            return Results.BadRequest(new { message = $"no tile {z}/{x}/{y}: z must be 0..{MaxZoom}, x and y 0..2^z-1" });
        }

        var own = UnitVisibility.AgencyScope(viewer);
        var tile = await TileAsync(z, x, y, own, http.RequestAborted);
        http.Response.Headers.CacheControl = "private, no-cache";
        return Results.Bytes(tile, "application/vnd.mapbox-vector-tile");
    }

    public async Task<byte[]> TileAsync(int z, int x, int y, Guid? agency, CancellationToken ct)
    {
        // The index is on geography: the tile's box (densified, so that its edges follow the parallels) as
        // geography uses it; a tile of a quarter of the world or more takes every unit.
        // kind and status as GraphQL spells them (EnRoute → EN_ROUTE), so the map styles tiles and live changes alike.
        // The id property is the unit's global id (base64url of "RescueUnit:<uuid N>"), as GraphQL names it.
        var sql = $"""
            with bounds as (select ST_TileEnvelope(@z, @x, @y) as tile, ST_Transform(ST_TileEnvelope(@z, @x, @y, margin => 0.02), 4326) as area),
            features as (
              select ST_AsMVTGeom(ST_Transform(u.location::geometry, 3857), b.tile, 4096, 64, true) as geom,
                     rtrim(translate(encode(convert_to('{RescueUnitType.TypeName}:' || replace(u.id::text, '-', ''), 'UTF8'), 'base64'), '+/', '-_'), '=') as id,
                     upper(regexp_replace(u.kind, '([a-z])([A-Z])', '\1_\2', 'g')) as kind,
                     upper(regexp_replace(u.status, '([a-z])([A-Z])', '\1_\2', 'g')) as status
              from {UnitLocationsTable.Name} u, bounds b
              where {(z < 3 ? "true" : "u.location && ST_Segmentize(b.area, 0.25)::geography")} {(agency is null ? "" : "and u.agency_id = @agency")}
              limit {MaxFeaturesPerTile})
            select coalesce(ST_AsMVT(features, '{Layer}', 4096, 'geom'), ''::bytea) from features where geom is not null
            """;
        await using var command = database.CreateCommand(sql);
        command.Parameters.AddWithValue("z", z);
        command.Parameters.AddWithValue("x", x);
        command.Parameters.AddWithValue("y", y);
        if (agency is { } id)
        {
            command.Parameters.AddWithValue("agency", id);
        }

        return (byte[])(await command.ExecuteScalarAsync(ct))!;
    }
}
