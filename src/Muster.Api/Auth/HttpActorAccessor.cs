using System.Security.Claims;
using Muster.Api.GraphQL.Relay;
using Muster.Infrastructure;

namespace Muster.Api.Auth;

/// <summary>The acting user of the current HTTP request, from its validated bearer token.</summary>
public sealed class HttpActorAccessor(IHttpContextAccessor http) : IActorAccessor
{
    public Actor? Current => ActorOf(http.HttpContext?.User);

    /// <summary>Null unless the principal is authenticated with one of the four roles.</summary>
    public static Actor? ActorOf(ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true || !Roles.TryParse(user.FindFirst(Claims.Role)?.Value, out var role))
        {
            return null;
        }

        var subject = user.FindFirst(Claims.Subject)?.Value ?? "unknown";
        return new Actor(subject, role, AgencyOf(user.FindFirst(Claims.Agency)?.Value));
    }

    /// <summary>The agency claim may carry the raw id or the agency's GraphQL global id.</summary>
    private static Guid? AgencyOf(string? claim)
    {
        if (Guid.TryParse(claim, out var raw))
        {
            return raw;
        }

        return GlobalId.TryDecode(claim, out var typeName, out var id) && typeName == GlobalId.Agency ? id : null;
    }
}
