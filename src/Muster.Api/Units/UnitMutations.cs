using GraphQL;
using GraphQL.Types;
using Muster.Api.GraphQL.Relay;
using Muster.Api.GraphQL.Scalars;
using Muster.Infrastructure;
using Muster.Spatial;
using Muster.Units;
using Muster.Units.ChangingStatus;
using Muster.Units.Registering;
using Muster.Units.ReportingPosition;

namespace Muster.Api.Units;

public static class UnitMutations
{
    public static void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<UnitPayloadType.Register>>("registerUnit")
            .Description("Registers a rescue unit at its home station. Admin, or a partner for its own agency.")
            .Argument<NonNullGraphType<RegisterUnitInputType>>("input")
            .AuthorizeWithRoles(Roles.Admin, Roles.Partner)
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<Dictionary<string, object?>>("input");
                var command = new RegisterUnit(
                    (string)input["name"]!, (UnitKind)input["kind"]!, (NimsType)input["type"]!,
                    ((IEnumerable<object?>)input["capabilities"]!).Select(c => (string)c!).ToList(),
                    (int)input["crewSize"]!, (GeoPoint)input["location"]!,
                    GlobalId.Of(GlobalId.Agency, (string)input["agencyId"]!) ?? Guid.Empty);
                var handler = context.RequestServices!.GetRequiredService<RegisterUnitHandler>();
                return Payload.From(await handler.Handle(command, context.CancellationToken));
            });

        mutation.Field<NonNullGraphType<UnitPayloadType.ChangeStatus>>("changeUnitStatus")
            .Description("Moves a unit through its status lifecycle. Admin, commander, or a partner for its own units.")
            .Argument<NonNullGraphType<ChangeUnitStatusInputType>>("input")
            .AuthorizeWithRoles(Roles.Admin, Roles.Commander, Roles.Partner)
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<Dictionary<string, object?>>("input");
                if (UnitId(input) is not { } unitId)
                {
                    return Payload.NotFound("unit", "unitId");
                }

                var command = new ChangeUnitStatus(unitId, (UnitStatus)input["status"]!, input.GetValueOrDefault("reason") as string);
                var handler = context.RequestServices!.GetRequiredService<ChangeUnitStatusHandler>();
                return Payload.From(await handler.Handle(command, context.CancellationToken));
            });

        mutation.Field<NonNullGraphType<UnitPayloadType.ReportPosition>>("reportUnitPosition")
            .Description("An AVL position report. A report older than the last known one is kept in the track but does not move the unit.")
            .Argument<NonNullGraphType<ReportUnitPositionInputType>>("input")
            .AuthorizeWithRoles(Roles.Admin, Roles.Commander, Roles.Partner)
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<Dictionary<string, object?>>("input");
                if (UnitId(input) is not { } unitId)
                {
                    return Payload.NotFound("unit", "unitId");
                }

                var command = new ReportUnitPosition(unitId, (GeoPoint)input["location"]!, (DateTimeOffset)input["at"]!);
                var handler = context.RequestServices!.GetRequiredService<ReportUnitPositionHandler>();
                return Payload.From(await handler.Handle(command, context.CancellationToken));
            });
    }

    private static Guid? UnitId(Dictionary<string, object?> input) =>
        GlobalId.Of(RescueUnitType.TypeName, (string)input["unitId"]!);
}

public static class UnitPayloadType
{
    public sealed class Register() : PayloadType<RescueUnitType>("RegisterUnitPayload", "unit", "The registered unit, or why nothing was registered.");

    public sealed class ChangeStatus() : PayloadType<RescueUnitType>("ChangeUnitStatusPayload", "unit", "The unit in its new status, or why it did not change.");

    public sealed class ReportPosition() : PayloadType<RescueUnitType>("ReportUnitPositionPayload", "unit", "The unit after the report, or why it was refused.");
}

public sealed class RegisterUnitInputType : InputObjectGraphType
{
    public RegisterUnitInputType()
    {
        Name = "RegisterUnitInput";
        Field<NonNullGraphType<StringGraphType>>("name");
        Field<NonNullGraphType<UnitKindType>>("kind");
        Field<NonNullGraphType<NimsTypeType>>("type").DefaultValue(NimsType.IV).Description("NIMS resource type, I (most capable) to IV.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("capabilities").Description("Lower-case tags, e.g. mine-rescue, water-rescue, hazmat.");
        Field<NonNullGraphType<IntGraphType>>("crewSize");
        Field<NonNullGraphType<GeoPointInputType>>("location").Description("The home station.");
        Field<NonNullGraphType<IdGraphType>>("agencyId");
    }
}

public sealed class ChangeUnitStatusInputType : InputObjectGraphType
{
    public ChangeUnitStatusInputType()
    {
        Name = "ChangeUnitStatusInput";
        Field<NonNullGraphType<IdGraphType>>("unitId");
        Field<NonNullGraphType<UnitStatusType>>("status");
        Field<StringGraphType>("reason");
    }
}

public sealed class ReportUnitPositionInputType : InputObjectGraphType
{
    public ReportUnitPositionInputType()
    {
        Name = "ReportUnitPositionInput";
        Field<NonNullGraphType<IdGraphType>>("unitId");
        Field<NonNullGraphType<GeoPointInputType>>("location");
        Field<NonNullGraphType<DateTimeScalar>>("at").Description("The device's time of the fix.");
    }
}
