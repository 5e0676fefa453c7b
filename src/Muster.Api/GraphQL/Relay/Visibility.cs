using Muster.Api.Auth;
using Muster.Infrastructure;

namespace Muster.Api.GraphQL.Relay;

/// <summary>What a caller may see of resources that belong to agencies.</summary>
public static class Visibility
{
    /// <summary>The caller, or an error when there is none (root fields are checked before, so this is defence in depth).</summary>
    public static Actor Viewer(global::GraphQL.IResolveFieldContext context) =>
        HttpActorAccessor.ActorOf(context.User)
        ?? throw new global::GraphQL.ExecutionError("a bearer token is required") { Code = "UNAUTHENTICATED" };

    /// <summary>A partner sees its own agency's units and experts; the bureau's roles see all (null).</summary>
    public static Guid? OwnAgencyOnly(Actor viewer) =>
        viewer.Role == Role.Partner ? viewer.AgencyId ?? Guid.Empty : null;

    public static bool MaySee(Actor viewer, Guid agencyId) =>
        OwnAgencyOnly(viewer) is not { } own || own == agencyId;
}
