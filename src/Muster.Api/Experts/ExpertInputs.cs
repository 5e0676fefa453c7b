using GraphQL.Types;
using Muster.Api.GraphQL.Scalars;
using Muster.Experts;
using Muster.Spatial;

namespace Muster.Api.Experts;

public sealed record RegisterExpertInput(
    string Name, ExpertKind Kind, IReadOnlyList<string> Specialties, string Contact, GeoPoint Location, string AgencyId, string? OnCall);

public sealed class RegisterExpertInputType : InputObjectGraphType<RegisterExpertInput>
{
    public RegisterExpertInputType()
    {
        Name = "RegisterExpertInput";
        Field<NonNullGraphType<StringGraphType>>("name");
        Field<NonNullGraphType<ExpertKindType>>("kind");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("specialties")
            .Description("At least one lower-case tag, e.g. mine-ventilation, geology, hazmat, structural-engineering.");
        Field<NonNullGraphType<StringGraphType>>("contact").Description("Phone number or radio channel for a call-out.");
        Field<NonNullGraphType<GeoPointInputType>>("location").Description("Where the expert is based.");
        Field<NonNullGraphType<IdGraphType>>("agencyId");
        Field<StringGraphType>("onCall")
            .Description("Daily on-call hours in local time, HH:mm-HH:mm: 08:00-20:00; 20:00-08:00 runs past midnight; 00:00-24:00 round the clock. Omit when there are no fixed hours.");
    }
}

public sealed record ChangeExpertAvailabilityInput(string ExpertId, ExpertAvailability Availability, string? Reason);

public sealed class ChangeExpertAvailabilityInputType : InputObjectGraphType<ChangeExpertAvailabilityInput>
{
    public ChangeExpertAvailabilityInputType()
    {
        Name = "ChangeExpertAvailabilityInput";
        Field<NonNullGraphType<IdGraphType>>("expertId");
        Field<NonNullGraphType<ExpertAvailabilityType>>("availability").Description("Any availability other than the current one.");
        Field<StringGraphType>("reason");
    }
}
