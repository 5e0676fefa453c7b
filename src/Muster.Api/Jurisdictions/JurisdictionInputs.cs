using GraphQL.Types;
using Muster.Api.GraphQL.Scalars;
using Muster.Jurisdictions;
using Muster.Spatial;

namespace Muster.Api.Jurisdictions;

public sealed record RegisterJurisdictionInput(
    string Name, JurisdictionLevel Level, string? ParentId, string? Boundary, GeoPoint? Seat, string? AgencyId,
    IReadOnlyList<ResponsiblePerson>? ResponsiblePersons, int? Population = null);

public sealed class RegisterJurisdictionInputType : InputObjectGraphType<RegisterJurisdictionInput>
{
    public RegisterJurisdictionInputType()
    {
        Name = "RegisterJurisdictionInput";
        Description = "A jurisdiction with its boundary (GeoJSON) or, where none is known, the seat of its government.";
        Field<NonNullGraphType<StringGraphType>>("name");
        Field<NonNullGraphType<JurisdictionLevelType>>("level");
        Field<IdGraphType>("parentId").Description("The county above a township, the township above a village; none for a county.");
        Field<StringGraphType>("boundary").Description("A GeoJSON Polygon or MultiPolygon geometry ([longitude, latitude], WGS84), within the parent and overlapping no sibling. Required for a county.");
        Field<GeoPointInputType>("seat").Description("The seat of its government; without a boundary, its approximate area is derived from it.");
        Field<IdGraphType>("agencyId").Description("The agency that maintains it, e.g. the township's government; its partners then keep its persons.");
        Field<ListGraphType<NonNullGraphType<ResponsiblePersonInputType>>>("responsiblePersons").Description("Who answers for it, if known already.");
        Field<IntGraphType>("population").Description("Its resident population, when known (0 to 50,000,000): it weighs the seat as a place readiness coverage must reach.");
    }
}

public sealed class ResponsiblePersonInputType : InputObjectGraphType<ResponsiblePerson>
{
    public ResponsiblePersonInputType()
    {
        Name = "ResponsiblePersonInput";
        Field<NonNullGraphType<StringGraphType>>("role").Description("e.g. 党委书记, 乡镇长, 安全分管领导, 矿长; at most 50 characters.");
        Field<NonNullGraphType<StringGraphType>>("name").Description("At most 100 characters.");
        Field<NonNullGraphType<StringGraphType>>("phone").Description("Digits with spaces, -, parentheses, + or 转.");
    }
}

public sealed record SetResponsiblePersonsInput(string JurisdictionId, IReadOnlyList<ResponsiblePerson> ResponsiblePersons);

public sealed class SetResponsiblePersonsInputType : InputObjectGraphType<SetResponsiblePersonsInput>
{
    public SetResponsiblePersonsInputType()
    {
        Name = "SetResponsiblePersonsInput";
        Field<NonNullGraphType<IdGraphType>>("jurisdictionId");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ResponsiblePersonInputType>>>>("responsiblePersons").Description("The whole list; it replaces the previous one.");
    }
}

public sealed record MoveJurisdictionSeatInput(string JurisdictionId, GeoPoint Seat);

public sealed class MoveJurisdictionSeatInputType : InputObjectGraphType<MoveJurisdictionSeatInput>
{
    public MoveJurisdictionSeatInputType()
    {
        Name = "MoveJurisdictionSeatInput";
        Field<NonNullGraphType<IdGraphType>>("jurisdictionId");
        Field<NonNullGraphType<GeoPointInputType>>("seat");
    }
}

public sealed record RegisterEnterpriseInput(string JurisdictionId, string Name, GeoPoint? Location, IReadOnlyList<ResponsiblePerson>? ResponsiblePersons);

public sealed class RegisterEnterpriseInputType : InputObjectGraphType<RegisterEnterpriseInput>
{
    public RegisterEnterpriseInputType()
    {
        Name = "RegisterEnterpriseInput";
        Field<NonNullGraphType<IdGraphType>>("jurisdictionId").Description("The jurisdiction whose handbook lists it.");
        Field<NonNullGraphType<StringGraphType>>("name");
        Field<GeoPointInputType>("location");
        Field<ListGraphType<NonNullGraphType<ResponsiblePersonInputType>>>("responsiblePersons");
    }
}

public sealed record SetEnterprisePersonsInput(string EnterpriseId, IReadOnlyList<ResponsiblePerson> ResponsiblePersons);

public sealed class SetEnterprisePersonsInputType : InputObjectGraphType<SetEnterprisePersonsInput>
{
    public SetEnterprisePersonsInputType()
    {
        Name = "SetEnterprisePersonsInput";
        Field<NonNullGraphType<IdGraphType>>("enterpriseId");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ResponsiblePersonInputType>>>>("responsiblePersons").Description("The whole list; it replaces the previous one.");
    }
}
