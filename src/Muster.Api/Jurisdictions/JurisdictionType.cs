using GraphQL.Types;
using Muster.Api.Agencies;
using Muster.Api.GraphQL;
using Muster.Api.GraphQL.Relay;
using Muster.Api.GraphQL.Scalars;
using Muster.Jurisdictions;

namespace Muster.Api.Jurisdictions;

public sealed class JurisdictionType : ObjectGraphType<Jurisdiction>
{
    public const string TypeName = "Jurisdiction";

    /// <summary>What a mutation on an existing one names in its input (see <see cref="Mutation.On"/>).</summary>
    public static readonly Existing Existing = new(TypeName, "jurisdiction");

    public JurisdictionType()
    {
        Name = TypeName;
        Description = "A jurisdiction of the safety supervision network (安全监管网络): the county, a township or street office, a village or community; its area, who answers for it, the enterprises in it.";
        Interface<NodeInterface>();
        IsTypeOf = value => value is Jurisdiction;
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => GlobalId.Encode(TypeName, c.Source.Id));
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<JurisdictionLevelType>>("level").Resolve(c => c.Source.Level);
        Field<JurisdictionType>("parent")
            .Description("The jurisdiction above (null for a county, and for a partner who does not see it).")
            .ResolveAsync(async c => await JurisdictionViewer.VisibleAsync(c, c.Source.ParentId));
        Field<AgencyType>("agency")
            .Description("The agency that maintains it (a township's government); null when the bureau keeps it.")
            .Resolve(c => c.Source.AgencyId is { } id ? AgencyNodeSource.Loader(c.RequestServices!).Load(id) : null);
        Field<GeoPointType>("seat").Description("The seat of its government, when known.").Resolve(c => c.Source.Seat);
        Field<IntGraphType>("population").Description("Its resident population, when known.").Resolve(c => c.Source.Population);
        Field<StringGraphType>("boundary").Description("The boundary as drawn (GeoJSON geometry), when known.").Resolve(c => c.Source.Boundary);
        Field<StringGraphType>("area")
            .Description("Its area as GeoJSON geometry: the boundary when drawn, else the area derived from the seats (see approximate).")
            .Resolve(c => c.Source.Area);
        Field<NonNullGraphType<BooleanGraphType>>("approximate")
            .Description("True when no boundary is drawn and the area is derived: the part of the parent nearer this seat than any sibling's (a Voronoi cell), a village within 1.5 km of its seat.")
            .Resolve(c => c.Source.Approximate);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ResponsiblePersonType>>>>("responsiblePersons")
            .Description("Who answers for it and how to reach them, in the handbook's order.")
            .Resolve(c => c.Source.Persons);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EnterpriseType>>>>("enterprises")
            .Description("Enterprises and departments in its handbook, with their own responsible persons.")
            .Resolve(c => c.Source.Enterprises);
        Field<NonNullGraphType<DateTimeScalar>>("registeredAt").Resolve(c => c.Source.RegisteredAt);
    }
}

public sealed class JurisdictionLevelType : EnumerationGraphType<JurisdictionLevel>
{
    public JurisdictionLevelType()
    {
        Name = "JurisdictionLevel";
        Description = "COUNTY (市/县), TOWNSHIP (乡镇街道: a township, town or street office), VILLAGE (村社区: a village or community).";
    }
}

public sealed class ResponsiblePersonType : ObjectGraphType<ResponsiblePerson>
{
    public ResponsiblePersonType()
    {
        Name = "ResponsiblePerson";
        Description = "A responsible person (党委书记, 乡镇长, 安全分管领导, 矿长…) and a phone that reaches them.";
        Field<NonNullGraphType<StringGraphType>>("role").Resolve(c => c.Source.Role);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<StringGraphType>>("phone").Resolve(c => c.Source.Phone);
    }
}

public sealed class EnterpriseType : ObjectGraphType<Enterprise>
{
    public const string TypeName = "Enterprise";

    public EnterpriseType()
    {
        Name = TypeName;
        Description = "An enterprise or department in a jurisdiction's handbook (a coal mine, a chemical plant), with its responsible persons.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => GlobalId.Encode(TypeName, c.Source.Id));
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<GeoPointType>("location").Resolve(c => c.Source.Location);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ResponsiblePersonType>>>>("responsiblePersons").Resolve(c => c.Source.Persons);
    }
}
