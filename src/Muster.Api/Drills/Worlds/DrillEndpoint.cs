using Muster.Api.Auth;
using Muster.Api.GraphQL.Authorization;
using Muster.Api.GraphQL.Relay;
using Muster.Drills;
using Muster.Infrastructure;

namespace Muster.Api.Drills.Worlds;

/// <summary>
/// <c>/drills/{drillId}/graphql</c>: an open drill's requests go to its world (started there if need be); an unknown
/// drill is 404, an ended one 410, and over HTTP a caller who is not a participant is refused before the world is
/// touched. (A WebSocket authenticates in <c>connection_init</c>; the world's own <see cref="DrillParticipants"/> refuses it there.)
/// </summary>
public static class DrillEndpoint
{
    public static async Task HandleAsync(HttpContext http, string drillId, DrillWorlds worlds)
    {
        if (!http.WebSockets.IsWebSocketRequest && HttpActorAccessor.ActorOf(http.User) is var actor)
        {
            if (actor is null)
            {
                http.Response.Headers.WWWAuthenticate = "Bearer";
                await RefuseAsync(http, 401, AuthorizationRule.Unauthenticated, "A drill answers only an authenticated participant: send a valid bearer token.");
                return;
            }

            if (actor is not null && !actor.IsIn(DrillParticipants.Roles))
            {
                await RefuseAsync(http, 403, AuthorizationRule.Forbidden, "Only admins, commanders and logistics staff take part in a drill.");
                return;
            }
        }

        var (drill, host) = GlobalId.Of(DrillType.TypeName, drillId) is { } id ? await worlds.FindAsync(id, http.RequestAborted) : (null, null);
        if (drill is null)
        {
            await RefuseAsync(http, 404, ErrorCodes.NotFound, "No such drill: the address names none.");
            return;
        }

        if (host is null)
        {
            await RefuseAsync(http, 410, ErrorCodes.InvalidState,
                $"The drill ended at {drill.EndedAt:O} and its copy was discarded; its after-action report is drill(id) at /graphql.");
            return;
        }

        await host.ServeAsync(http);
    }

    private static Task RefuseAsync(HttpContext http, int status, string code, string message)
    {
        http.Response.StatusCode = status;
        http.Response.Headers.CacheControl = "no-store";
        return http.Response.WriteAsJsonAsync(new { errors = new[] { new { message, extensions = new { code } } } }, http.RequestAborted);
    }
}
