using GraphQL;
using GraphQL.Types;
using Muster.Agencies;
using Muster.Agencies.Registering;
using Muster.Api.GraphQL;
using Muster.Api.GraphQL.Scalars;
using Muster.Infrastructure;
using Muster.Spatial;

namespace Muster.Api.Agencies;

public static class RegisterAgencyMutation
{
    public static void AddTo(ObjectGraphType mutation) =>
        mutation.Field<NonNullGraphType<RegisterAgencyPayloadType>>("registerAgency")
            .Description("Registers the bureau or a partner agency. Admin only.")
            .Argument<NonNullGraphType<RegisterAgencyInputType>>("input")
            .AuthorizeWithRoles(Roles.Admin)
            .ResolveAsync(Mutation.Run((RegisterAgencyHandler agencies, RegisterAgencyInput input, CancellationToken ct) =>
                agencies.Handle(new RegisterAgency(input.Name, input.Kind, input.Contact, input.Headquarters), ct)));
}

public sealed record RegisterAgencyInput(string Name, AgencyKind Kind, string? Contact, GeoPoint? Headquarters);

public sealed class RegisterAgencyInputType : InputObjectGraphType<RegisterAgencyInput>
{
    public RegisterAgencyInputType()
    {
        Name = "RegisterAgencyInput";
        Field<NonNullGraphType<StringGraphType>>("name").Description("As the agency writes it, e.g. 霍州市应急管理局.");
        Field<NonNullGraphType<AgencyKindType>>("kind");
        Field<StringGraphType>("contact").Description("Duty phone or address.");
        Field<GeoPointInputType>("headquarters");
    }
}

public sealed class RegisterAgencyPayloadType()
    : PayloadType<AgencyType>("RegisterAgencyPayload", "agency", "The registered agency, or why nothing was registered.");
