using GraphQL;
using GraphQL.Types;
using Muster.Api.Experts;
using Muster.Api.GraphQL;
using Muster.Api.GraphQL.Loading;
using Muster.Api.Requests;
using Muster.Api.Units;
using Muster.Experts;
using Muster.Requests;
using Muster.Units;
using Muster.Dispatch;
using Muster.Infrastructure;
using Muster.Api.GraphQL.Relay;
using Muster.Api.GraphQL.Scalars;
using Muster.Incidents;

namespace Muster.Api.Incidents;

public sealed class IncidentType : ObjectGraphType<Incident>
{
    public const string TypeName = "Incident";

    /// <summary>What a mutation on an existing one names in its input (see <see cref="Mutation.On"/>).</summary>
    public static readonly Existing Existing = new(TypeName, "incident");

    public IncidentType()
    {
        Name = TypeName;
        Description = "An incident: what, how severe, where, and what has been sent to it.";
        Interface<NodeInterface>();
        IsTypeOf = value => value is Incident;
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => GlobalId.Encode(TypeName, c.Source.Id));
        Field<NonNullGraphType<IncidentKindType>>("kind").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<ResponseLevelType>>("level").Resolve(c => c.Source.Level);
        Field<NonNullGraphType<StringGraphType>>("title").Resolve(c => c.Source.Title);
        Field<StringGraphType>("description").Resolve(c => c.Source.Description);
        Field<NonNullGraphType<GeoPointType>>("location").Resolve(c => c.Source.Location);
        Field<NonNullGraphType<IncidentStatusType>>("status").Resolve(c => c.Source.Status);
        Field<NonNullGraphType<StringGraphType>>("reportedBy").Description("The subject of the token that reported it.").Resolve(c => c.Source.ReportedBy);
        Field<NonNullGraphType<DateTimeScalar>>("reportedAt").Resolve(c => c.Source.ReportedAt);
        Field<DateTimeScalar>("closedAt").Resolve(c => c.Source.ClosedAt);
        Field<StringGraphType>("closedReason").Resolve(c => c.Source.ClosedReason);
        Field<NonNullGraphType<DateTimeScalar>>("updatedAt").Resolve(c => c.Source.UpdatedAt);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RescueUnitType>>>>("assignedUnits")
            .Description("Units dispatched to the incident and not yet let go. Admin, commanders and logistics.")
            .AuthorizeWithRoles(Roles.Admin, Roles.Commander, Roles.Logistics)
            .Resolve(c => Many<RescueUnit>(c.RequestServices!, c.Source.AssignedUnitIds, u => u.Id));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ExpertType>>>>("engagedExperts")
            .AuthorizeWithRoles(Roles.Admin, Roles.Commander, Roles.Logistics)
            .Resolve(c => Many<Expert>(c.RequestServices!, c.Source.EngagedExpertIds, e => e.Id));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SupplyRequestType>>>>("supplyRequests")
            .Description("The supply requests dispatch made for the incident.")
            .AuthorizeWithRoles(Roles.Admin, Roles.Commander, Roles.Logistics)
            .Resolve(c => Many<SupplyRequest>(c.RequestServices!, c.Source.SupplyRequestIds, r => r.Id));
        Jurisdictions.IncidentJurisdictionField.AddTo(this);
        Field<Dispatch.DispatchProposalType>("latestProposal")
            .Description("The newest dispatch proposal for the incident. Admin and commanders.")
            .AuthorizeWithRoles(Roles.Admin, Roles.Commander)
            .Resolve(c => c.Source.LatestProposalId is { } id
                ? DocumentLoader.For<DispatchProposal>(c.RequestServices!, p => p.Id).Load(id)
                : null);
    }

    /// <summary>Documents by id through the request's batch loader, in the order given; missing ones left out.</summary>
    private static AllLoaded<T> Many<T>(IServiceProvider services, IReadOnlyList<Guid> ids, Func<T, Guid> idOf)
        where T : class
    {
        var loader = DocumentLoader.For(services, idOf);
        return new AllLoaded<T>(ids.Distinct().Select(loader.Load).ToList());
    }
}

public sealed class IncidentKindType : EnumerationGraphType<IncidentKind>
{
    public IncidentKindType()
    {
        Name = "IncidentKind";
        Description = "Kinds of incident with emergency plans: mine gas explosion (瓦斯爆炸), mine flooding (透水), flood, landslide, hazmat leak, building fire, forest fire, earthquake, traffic accident.";
    }
}

public sealed class ResponseLevelType : EnumerationGraphType<ResponseLevel>
{
    public ResponseLevelType()
    {
        Name = "ResponseLevel";
        Description = "Response levels: I 特别重大 (most severe), II 重大, III 较大, IV 一般.";
    }
}

public sealed class IncidentStatusType : EnumerationGraphType<IncidentStatus>
{
    public IncidentStatusType()
    {
        Name = "IncidentStatus";
        Description = "REPORTED: nothing dispatched yet; RESPONDING: a dispatch was approved; CLOSED.";
    }
}
