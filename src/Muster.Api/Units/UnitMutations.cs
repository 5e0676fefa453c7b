using GraphQL;
using GraphQL.Types;
using Muster.Api.GraphQL;
using Muster.Api.GraphQL.Relay;
using Muster.Api.GraphQL.Scalars;
using Muster.Infrastructure;
using Muster.Spatial;
using Muster.Units;
using Muster.Units.ChangingCapabilities;
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
            .ResolveAsync(Mutation.Run((RegisterUnitHandler units, RegisterUnitInput input, CancellationToken ct) => units.Handle(
                new RegisterUnit(input.Name, input.Kind, input.Type, input.Capabilities, input.CrewSize, input.Location,
                    GlobalId.Of(GlobalId.Agency, input.AgencyId) ?? Guid.Empty), ct)));

        mutation.Field<NonNullGraphType<UnitPayloadType.ChangeStatus>>("changeUnitStatus")
            .Description("Moves a unit through its status lifecycle. Admin, commander, or a partner for its own units.")
            .Argument<NonNullGraphType<ChangeUnitStatusInputType>>("input")
            .AuthorizeWithRoles(Roles.Admin, Roles.Commander, Roles.Partner)
            .ResolveAsync(Mutation.On(RescueUnitType.Existing, i => i.UnitId,
                (ChangeUnitStatusHandler units, Guid unitId, ChangeUnitStatusInput input, CancellationToken ct) =>
                    units.Handle(new ChangeUnitStatus(unitId, input.Status, input.Reason), ct)));

        mutation.Field<NonNullGraphType<UnitPayloadType.ReportPosition>>("reportUnitPosition")
            .Description("An AVL position report. A report older than the last known one is kept in the track but does not move the unit.")
            .Argument<NonNullGraphType<ReportUnitPositionInputType>>("input")
            .AuthorizeWithRoles(Roles.Admin, Roles.Commander, Roles.Partner)
            .ResolveAsync(Mutation.On(RescueUnitType.Existing, i => i.UnitId,
                (ReportUnitPositionHandler units, Guid unitId, ReportUnitPositionInput input, CancellationToken ct) =>
                    units.Handle(new ReportUnitPosition(unitId, input.Location, input.At), ct)));

        mutation.Field<NonNullGraphType<UnitPayloadType.ChangeCapabilities>>("changeUnitCapabilities")
            .Description("Corrects what a unit can do: the given tags replace its capabilities. Admin, or a partner for its own units.")
            .Argument<NonNullGraphType<ChangeUnitCapabilitiesInputType>>("input")
            .AuthorizeWithRoles(Roles.Admin, Roles.Partner)
            .ResolveAsync(Mutation.On(RescueUnitType.Existing, i => i.UnitId,
                (ChangeUnitCapabilitiesHandler units, Guid unitId, ChangeUnitCapabilitiesInput input, CancellationToken ct) =>
                    units.Handle(new ChangeUnitCapabilities(unitId, input.Capabilities), ct)));
    }
}

public static class UnitPayloadType
{
    public sealed class Register() : PayloadType<RescueUnitType>("RegisterUnitPayload", "unit", "The registered unit, or why nothing was registered.");

    public sealed class ChangeStatus() : PayloadType<RescueUnitType>("ChangeUnitStatusPayload", "unit", "The unit in its new status, or why it did not change.");

    public sealed class ReportPosition() : PayloadType<RescueUnitType>("ReportUnitPositionPayload", "unit", "The unit after the report, or why it was refused.");

    public sealed class ChangeCapabilities() : PayloadType<RescueUnitType>("ChangeUnitCapabilitiesPayload", "unit", "The unit with its corrected capabilities, or why they did not change.");
}

public sealed record RegisterUnitInput(
    string Name, UnitKind Kind, NimsType Type, IReadOnlyList<string> Capabilities, int CrewSize, GeoPoint Location, string AgencyId);

public sealed class RegisterUnitInputType : InputObjectGraphType<RegisterUnitInput>
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

public sealed record ChangeUnitStatusInput(string UnitId, UnitStatus Status, string? Reason);

public sealed class ChangeUnitStatusInputType : InputObjectGraphType<ChangeUnitStatusInput>
{
    public ChangeUnitStatusInputType()
    {
        Name = "ChangeUnitStatusInput";
        Field<NonNullGraphType<IdGraphType>>("unitId");
        Field<NonNullGraphType<UnitStatusType>>("status");
        Field<StringGraphType>("reason");
    }
}

public sealed record ReportUnitPositionInput(string UnitId, GeoPoint Location, DateTimeOffset At);

public sealed class ReportUnitPositionInputType : InputObjectGraphType<ReportUnitPositionInput>
{
    public ReportUnitPositionInputType()
    {
        Name = "ReportUnitPositionInput";
        Field<NonNullGraphType<IdGraphType>>("unitId");
        Field<NonNullGraphType<GeoPointInputType>>("location");
        Field<NonNullGraphType<DateTimeScalar>>("at").Description("The device's time of the fix.");
    }
}

public sealed record ChangeUnitCapabilitiesInput(string UnitId, IReadOnlyList<string> Capabilities);

public sealed class ChangeUnitCapabilitiesInputType : InputObjectGraphType<ChangeUnitCapabilitiesInput>
{
    public ChangeUnitCapabilitiesInputType()
    {
        Name = "ChangeUnitCapabilitiesInput";
        Field<NonNullGraphType<IdGraphType>>("unitId");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("capabilities").Description("The unit's tags from now on, replacing the ones it had; lower-case, e.g. mine-rescue.");
    }
}
