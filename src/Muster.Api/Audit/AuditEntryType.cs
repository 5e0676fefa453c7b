using GraphQL.Types;
using Muster.Api.Agencies;
using Muster.Api.GraphQL.Relay;
using Muster.Api.GraphQL.Scalars;
using Muster.Audit;
using Muster.Infrastructure;

namespace Muster.Api.Audit;

public sealed class AuditEntryType : ObjectGraphType<AuditEntry>
{
    public AuditEntryType()
    {
        Name = "AuditEntry";
        Description = "One recorded event: what happened, to which stream, when, and who did it.";
        Field<NonNullGraphType<LongGraphType>>("sequence").Description("Position in the whole event store.").Resolve(c => c.Source.Sequence);
        Field<NonNullGraphType<StringGraphType>>("streamId").Description("The stream (object) the event belongs to.").Resolve(c => c.Source.StreamId.ToString());
        Field<NonNullGraphType<IntGraphType>>("version").Description("Position within its stream.").Resolve(c => (int)c.Source.Version);
        Field<NonNullGraphType<StringGraphType>>("eventType").Resolve(c => c.Source.EventType);
        Field<NonNullGraphType<DateTimeScalar>>("at").Description("When it was recorded.").Resolve(c => c.Source.At);
        Field<ActorType>("actor").Description("Who did it; null for events recorded before actors were kept.").Resolve(c => c.Source.Actor);
    }
}

public sealed class ActorType : ObjectGraphType<Actor>
{
    public ActorType()
    {
        Name = "Actor";
        Description = "A token's subject, role and agency, as recorded on an event.";
        Field<NonNullGraphType<StringGraphType>>("subject").Resolve(c => c.Source.Subject);
        Field<NonNullGraphType<StringGraphType>>("role").Resolve(c => c.Source.Role.Name());
        Field<IdGraphType>("agencyId").Description("The agency's global id, when the actor acted for one.")
            .Resolve(c => c.Source.AgencyId is { } id ? GlobalId.Encode(GlobalId.Agency, id) : null);
        Field<AgencyType>("agency").Resolve(c => c.Source.AgencyId is { } id
            ? AgencyNodeSource.Loader(c.RequestServices!).Load(id)
            : null);
    }
}
