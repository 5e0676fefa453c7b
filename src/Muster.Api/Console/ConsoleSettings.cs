using Muster.Api.Auth;

// Not Muster.Api.Console: that name would hide System.Console from every file under Muster.Api.
namespace Muster.Api.BrowserConsole;

/// <summary>What the console needs to know before anyone signs in: how to sign in.</summary>
public static class ConsoleSettings
{
    public static IResult Get(HttpContext http, AuthOptions auth, ConsoleOptions console, IWebHostEnvironment environment)
    {
        var oidc = string.IsNullOrWhiteSpace(auth.Authority) || string.IsNullOrWhiteSpace(console.ClientId)
            ? null
            : new { authority = auth.Authority, clientId = console.ClientId, scope = console.Scope };
        http.Response.Headers.CacheControl = "no-store";
        return Results.Json(new
        {
            oidc,
            developmentRoles = DevelopmentSignIn.Offered(http, environment) ? DevelopmentSignIn.RolesOffered : [],
        });
    }
}
