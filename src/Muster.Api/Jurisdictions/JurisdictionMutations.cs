using GraphQL;
using GraphQL.Types;
using Muster.Api.GraphQL;
using Muster.Api.GraphQL.Relay;
using Muster.Api.GraphQL.Scalars;
using Muster.Infrastructure;
using Muster.Jurisdictions.Enterprises;
using Muster.Jurisdictions.MovingSeat;
using Muster.Jurisdictions.Registering;
using Muster.Jurisdictions.Staffing;

namespace Muster.Api.Jurisdictions;

/// <summary>
/// The supervision network's mutations: admin and commanders keep the network; a partner whose agency maintains a
/// jurisdiction keeps that jurisdiction's persons and enterprises.
/// </summary>
public static class JurisdictionMutations
{
    private const string People = " Admin, commanders, or a partner whose agency maintains the jurisdiction.";

    public static void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<JurisdictionPayloadType.Register>>("registerJurisdiction")
            .Description("Registers a county (with its boundary), a township under a county or a village under a township (a boundary, or a seat from which an approximate area is derived). Admin and commanders.")
            .Argument<NonNullGraphType<RegisterJurisdictionInputType>>("input")
            .AuthorizeWithRoles(Roles.Admin, Roles.Commander)
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<RegisterJurisdictionInput>("input");
                if (Id(input.ParentId, JurisdictionType.TypeName, "parentId") is { } badParent)
                {
                    return badParent;
                }

                if (Id(input.AgencyId, GlobalId.Agency, "agencyId") is { } badAgency)
                {
                    return badAgency;
                }

                var result = await context.RequestServices!.GetRequiredService<RegisterJurisdictionHandler>().Handle(
                    new RegisterJurisdiction(input.Name, input.Level, GlobalId.Of(JurisdictionType.TypeName, input.ParentId), input.Boundary,
                        input.Seat, GlobalId.Of(GlobalId.Agency, input.AgencyId), input.ResponsiblePersons, input.Population),
                    context.CancellationToken);
                return Payload.From(result);
            });

        mutation.Field<NonNullGraphType<JurisdictionPayloadType.SetPersons>>("setResponsiblePersons")
            .Description("Replaces who answers for a jurisdiction (党委书记, 乡镇长, 安全分管领导…) and their phones." + People)
            .Argument<NonNullGraphType<SetResponsiblePersonsInputType>>("input")
            .AuthorizeWithRoles(Roles.Admin, Roles.Commander, Roles.Partner)
            .ResolveAsync(Mutation.On(JurisdictionType.Existing, i => i.JurisdictionId,
                (SetResponsiblePersonsHandler handler, Guid id, SetResponsiblePersonsInput input, CancellationToken ct) =>
                    handler.Handle(new SetResponsiblePersons(id, input.ResponsiblePersons), ct)));

        mutation.Field<NonNullGraphType<JurisdictionPayloadType.MoveSeat>>("moveJurisdictionSeat")
            .Description("Moves the seat of a jurisdiction's government; the approximate areas derived from seats follow. Admin and commanders.")
            .Argument<NonNullGraphType<MoveJurisdictionSeatInputType>>("input")
            .AuthorizeWithRoles(Roles.Admin, Roles.Commander)
            .ResolveAsync(Mutation.On(JurisdictionType.Existing, i => i.JurisdictionId,
                (MoveJurisdictionSeatHandler handler, Guid id, MoveJurisdictionSeatInput input, CancellationToken ct) =>
                    handler.Handle(new MoveJurisdictionSeat(id, input.Seat), ct)));

        mutation.Field<NonNullGraphType<JurisdictionPayloadType.RegisterEnterprise>>("registerEnterprise")
            .Description("Enters an enterprise or department (a coal mine, a chemical plant) in a jurisdiction's handbook, with its responsible persons." + People)
            .Argument<NonNullGraphType<RegisterEnterpriseInputType>>("input")
            .AuthorizeWithRoles(Roles.Admin, Roles.Commander, Roles.Partner)
            .ResolveAsync(Mutation.On(JurisdictionType.Existing, i => i.JurisdictionId,
                (RegisterEnterpriseHandler handler, Guid id, RegisterEnterpriseInput input, CancellationToken ct) =>
                    handler.Handle(new RegisterEnterprise(id, input.Name, input.Location, input.ResponsiblePersons ?? []), ct)));

        mutation.Field<NonNullGraphType<JurisdictionPayloadType.SetEnterprisePersons>>("setEnterprisePersons")
            .Description("Replaces an enterprise's responsible persons (矿长, 安全副矿长…)." + People)
            .Argument<NonNullGraphType<SetEnterprisePersonsInputType>>("input")
            .AuthorizeWithRoles(Roles.Admin, Roles.Commander, Roles.Partner)
            .ResolveAsync(Mutation.On(new Existing(EnterpriseType.TypeName, "enterprise"), i => i.EnterpriseId,
                (SetEnterprisePersonsHandler handler, Guid id, SetEnterprisePersonsInput input, CancellationToken ct) =>
                    handler.Handle(new SetEnterprisePersons(id, input.ResponsiblePersons), ct)));
    }

    /// <summary>An optional global id of <paramref name="typeName"/>: a NOT_FOUND payload when one is given that names no such object.</summary>
    private static Payload? Id(string? globalId, string typeName, string field) =>
        globalId is not null && GlobalId.Of(typeName, globalId) is null ? Payload.NotFound(typeName.ToLowerInvariant(), field) : null;
}

public static class JurisdictionPayloadType
{
    public sealed class Register() : PayloadType<JurisdictionType>("RegisterJurisdictionPayload", "jurisdiction", "The registered jurisdiction, or why nothing was registered.");

    public sealed class SetPersons() : PayloadType<JurisdictionType>("SetResponsiblePersonsPayload", "jurisdiction", "The jurisdiction with its persons, or why they stay as they were.");

    public sealed class MoveSeat() : PayloadType<JurisdictionType>("MoveJurisdictionSeatPayload", "jurisdiction", "The jurisdiction at its new seat, or why it did not move.");

    public sealed class RegisterEnterprise() : PayloadType<JurisdictionType>("RegisterEnterprisePayload", "jurisdiction", "The jurisdiction with the enterprise in its handbook, or why it was not entered.");

    public sealed class SetEnterprisePersons() : PayloadType<JurisdictionType>("SetEnterprisePersonsPayload", "jurisdiction", "The jurisdiction with the enterprise's persons, or why they stay as they were.");
}
