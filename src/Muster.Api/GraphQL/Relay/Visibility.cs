using Muster.Api.Auth;
using Muster.Infrastructure;

namespace Muster.Api.GraphQL.Relay;

/// <summary>
/// Who is asking. What they may see is the domain's rule for each kind of object (<c>UnitVisibility</c>,
/// <c>ExpertVisibility</c>, <c>DepotVisibility</c>, <c>RequestRules.MaySee</c>), the same for GraphQL, OGC, tiles and exports.
/// </summary>
public static class Visibility
{
    /// <summary>The caller, or an error when there is none (root fields are checked before, so this is defence in depth).</summary>
    public static Actor Viewer(global::GraphQL.IResolveFieldContext context) =>
        HttpActorAccessor.ActorOf(context.User)
        ?? throw new global::GraphQL.ExecutionError("a bearer token is required") { Code = "UNAUTHENTICATED" };
}
