using Muster.Api.Reading;
using Muster.Infrastructure;

// Not Muster.Api.Console: that name would hide System.Console from every file under Muster.Api.
namespace Muster.Api.BrowserConsole;

/// <summary>
/// The browser console: the single-page app (built from console/ into wwwroot/console), its sign-in settings,
/// the development role picker, the demo data's map layers and the vector tiles of units.
/// </summary>
public static class ConsoleModule
{
    public const string Path = "/console";

    public static IServiceCollection AddConsole(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection(ConsoleOptions.Section).Get<ConsoleOptions>() ?? new ConsoleOptions());
        services.AddSingleton<ConsolePage>();
        services.AddReader<UnitTiles>();
        services.AddSingleton<DevelopmentSignIn>();
        return services;
    }

    public static IEndpointRouteBuilder MapConsole(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/", () => Results.Redirect(Path + "/"));
        // Routing ignores a trailing slash: /console and /console/ both land here; only the first is redirected.
        endpoints.MapGet(Path, async (HttpContext http, ConsolePage page) =>
        {
            if (http.Request.Path.Value!.EndsWith('/'))
            {
                await page.WriteAsync(http);
                return;
            }

            http.Response.Redirect(Path + "/");
        });
        // History fallback: any console path that is not a file (no dot) is the app's index.
        endpoints.MapGet(Path + "/{*route:nonfile}", (HttpContext http, ConsolePage page) => page.WriteAsync(http));
        endpoints.MapGet(Path + "/settings.json", ConsoleSettings.Get);
        endpoints.MapPost(Path + "/development-token", (HttpContext http, DevelopmentSignIn signIn) => signIn.HandleAsync(http));
        endpoints.MapGet(Path + "/layers/{name}.geojson", DemoLayers.Get);
        endpoints.MapGet("/tiles/units/{z:int}/{x:int}/{y:int}.mvt", (HttpContext http, int z, int x, int y, UnitTiles tiles) => tiles.HandleAsync(http, z, x, y)).TolerateLag();
        return endpoints;
    }
}

/// <summary>The <c>Console</c> configuration section: the OIDC client the console signs staff in with.</summary>
public sealed class ConsoleOptions
{
    public const string Section = "Console";

    /// <summary>The client id registered at <c>Auth:Authority</c> for the console (a public client, code + PKCE).</summary>
    public string? ClientId { get; set; }

    public string Scope { get; set; } = "openid profile";
}
