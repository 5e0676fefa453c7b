using GraphQL.Types;
using Muster.Agencies;
using Muster.Api.GraphQL;
using Muster.Api.GraphQL.Relay;
using Muster.Api.GraphQL.Scalars;

namespace Muster.Api.Agencies;

public sealed class AgencyType : ObjectGraphType<Agency>
{
    /// <summary>What a mutation on an existing one names in its input (see <see cref="Mutation.On"/>).</summary>
    public static readonly Existing Existing = new(GlobalId.Agency, "agency");

    public AgencyType()
    {
        Name = "Agency";
        Description = "The bureau or a partner agency; every depot, unit and expert belongs to one.";
        Interface<NodeInterface>();
        IsTypeOf = value => value is Agency;
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => GlobalId.Encode(GlobalId.Agency, c.Source.Id));
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<AgencyKindType>>("kind").Resolve(c => c.Source.Kind);
        Field<StringGraphType>("contact").Description("Duty phone or address as the agency gave it.").Resolve(c => c.Source.Contact);
        Field<GeoPointType>("headquarters").Resolve(c => c.Source.Headquarters);
        Field<NonNullGraphType<DateTimeScalar>>("registeredAt").Resolve(c => c.Source.RegisteredAt);
    }
}

public sealed class AgencyKindType : EnumerationGraphType<AgencyKind>
{
    public AgencyKindType()
    {
        Name = "AgencyKind";
        Description = "What kind of organisation an agency is.";
    }
}
