using GraphQL.Types;
using Muster.Api.Agencies;
using Muster.Api.Auth;
using Muster.Api.GraphQL.Relay;
using Muster.Infrastructure;

namespace Muster.Api.Viewer;

/// <summary><c>viewer</c>: who the API takes the caller to be, so a partner's developer can check a token.</summary>
public static class ViewerQuery
{
    public static void AddTo(ObjectGraphType query) =>
        query.Field<NonNullGraphType<ViewerType>>("viewer")
            .Description("The caller, as the bearer token says.")
            .Resolve(context => HttpActorAccessor.ActorOf(context.User));
}

public sealed class ViewerType : ObjectGraphType<Actor>
{
    public ViewerType()
    {
        Name = "Viewer";
        Field<NonNullGraphType<StringGraphType>>("subject").Resolve(c => c.Source.Subject);
        Field<NonNullGraphType<StringGraphType>>("role").Description("admin, commander, logistics or partner.").Resolve(c => c.Source.Role.Name());
        Field<IdGraphType>("agencyId").Resolve(c => c.Source.AgencyId is { } id ? GlobalId.Encode(GlobalId.Agency, id) : null);
        Field<AgencyType>("agency").Resolve(c => c.Source.AgencyId is { } id
            ? AgencyNodeSource.Loader(c.RequestServices!).Load(id)
            : null);
    }
}
