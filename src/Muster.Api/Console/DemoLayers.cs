using Muster.Api.Auth;
using Muster.Seeding;

// Not Muster.Api.Console: that name would hide System.Console from every file under Muster.Api.
namespace Muster.Api.BrowserConsole;

/// <summary>
/// The demo data's map layers that the API has no register for (hazard sites, township seats): the seed's GeoJSON
/// files as they are, to a signed-in caller; an empty collection when no seed is configured.
/// </summary>
public static class DemoLayers
{
    private static readonly Dictionary<string, string> Files = new()
    {
        ["hazard-sites"] = "hazard-sites.geojson",
        ["township-seats"] = "township-seats.geojson",
    };

    public static IResult Get(HttpContext http, string name, IConfiguration configuration)
    {
        if (HttpActorAccessor.ActorOf(http.User) is null)
        {
            return Results.Unauthorized();
        }

        if (!Files.TryGetValue(name, out var file))
        {
            return Results.NotFound();
        }

        var folder = configuration[$"{SeedOptions.Section}:Path"];
        var path = string.IsNullOrWhiteSpace(folder) ? null : System.IO.Path.Combine(folder, file);
        http.Response.Headers.CacheControl = "private, max-age=300";
        return path is not null && File.Exists(path)
            ? Results.File(path, "application/geo+json")
            : Results.Text("""{"type":"FeatureCollection","features":[]}""", "application/geo+json");
    }
}
