using System.Net;
using Marten;
using Muster.Agencies;
using Muster.Api.Auth;
using Muster.Infrastructure;
using Muster.Seeding;

// Not Muster.Api.Console: that name would hide System.Console from every file under Muster.Api.
namespace Muster.Api.BrowserConsole;

/// <summary>
/// The development role picker's server side: a token for a role, answered only in Development and only to a
/// browser on the loopback address (404 otherwise, as if the endpoint did not exist). The token goes back in the
/// response body, never in a URL. The partner token speaks for the seed's partner agency.
/// </summary>
public sealed class DevelopmentSignIn(TokenIssuer issuer, IWebHostEnvironment environment, IServiceScopeFactory scopes)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(12);

    public static readonly string[] RolesOffered = [Roles.Commander, Roles.Logistics, Roles.Partner, Roles.Admin];

    public static bool Offered(HttpContext http, IWebHostEnvironment environment) =>
        environment.IsDevelopment() && http.Connection.RemoteIpAddress is { } remote && IPAddress.IsLoopback(remote);

    public async Task<IResult> HandleAsync(HttpContext http)
    {
        if (!Offered(http, environment))
        {
            return Results.NotFound();
        }

        var role = http.Request.HasFormContentType ? (string?)http.Request.Form["role"] : null;
        if (role is null || !RolesOffered.Contains(role))
        {
            return Results.BadRequest(new { message = $"role must be one of {string.Join(", ", RolesOffered)}" });
        }

        string? agency = null;
        if (role == Roles.Partner)
        {
            using var scope = scopes.CreateScope();
            var session = scope.ServiceProvider.GetRequiredService<IQuerySession>();
            var found = await session.Query<Agency>().Where(a => a.Name == SeedFiles.DevelopmentPartnerAgency)
                .Select(a => a.Id).ToListAsync(http.RequestAborted);
            agency = (found.Count > 0 ? found[0] : DevelopmentTokens.DemoPartnerAgency).ToString();
        }

        http.Response.Headers.CacheControl = "no-store";
        return Results.Json(new { token = issuer.Issue($"console-{role}", role, agency, Lifetime), role });
    }
}
