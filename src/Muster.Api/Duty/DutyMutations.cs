using GraphQL;
using GraphQL.Types;
using Muster.Api.GraphQL;
using Muster.Api.GraphQL.Scalars;
using Muster.Duty.HandingOver;
using Muster.Duty.Scheduling;
using Muster.Infrastructure;

namespace Muster.Api.Duty;

/// <summary>
/// Keeping the roster (admin and commanders) and handing over between shifts (admin and commanders who are on the
/// shift: the roster names their login).
/// </summary>
public static class DutyMutations
{
    public static void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<DutyPayloadType.Schedule>>("scheduleDuty")
            .Description("Puts a shift on the roster: a duty leader, duty officers, from startsAt until endsAt. Refused when it overlaps a shift, ends before it starts or is over already. Admin or commander.")
            .Argument<NonNullGraphType<ScheduleDutyInputType>>("input")
            .AuthorizeWithRoles(Roles.Admin, Roles.Commander)
            .ResolveAsync(Mutation.Run((ScheduleDutyHandler roster, ScheduleDutyInput input, CancellationToken ct) =>
                roster.Handle(new ScheduleDuty(input.Leader, input.Officers ?? [], input.StartsAt, input.EndsAt), ct)));

        mutation.Field<NonNullGraphType<DutyPayloadType.HandOver>>("handOverDuty")
            .Description("The shift on duty hands over to the next one (交班), recording the open items at this moment. Only one of the shift's own people, once. Admin or commander.")
            .Argument<NonNullGraphType<HandOverDutyInputType>>("input")
            .AuthorizeWithRoles(Roles.Admin, Roles.Commander)
            .ResolveAsync(Mutation.On(DutyShiftType.Existing, i => i.ShiftId,
                (HandOverDutyHandler duty, Guid shiftId, HandOverDutyInput input, CancellationToken ct) =>
                    duty.Handle(new HandOverDuty(shiftId, input.Notes), ct)));

        mutation.Field<NonNullGraphType<DutyPayloadType.Acknowledge>>("acknowledgeHandover")
            .Description("The incoming shift acknowledges what was handed over to it (接班). Only one of its own people, once. Admin or commander.")
            .Argument<NonNullGraphType<AcknowledgeHandoverInputType>>("input")
            .AuthorizeWithRoles(Roles.Admin, Roles.Commander)
            .ResolveAsync(Mutation.On(DutyShiftType.Existing, i => i.ShiftId,
                (AcknowledgeHandoverHandler duty, Guid shiftId, AcknowledgeHandoverInput input, CancellationToken ct) =>
                    duty.Handle(new AcknowledgeHandover(shiftId, input.Notes), ct)));
    }
}

public sealed record ScheduleDutyInput(DutyPersonInput? Leader, IReadOnlyList<DutyPersonInput>? Officers, DateTimeOffset StartsAt, DateTimeOffset EndsAt);

public sealed class ScheduleDutyInputType : InputObjectGraphType<ScheduleDutyInput>
{
    public ScheduleDutyInputType()
    {
        Name = "ScheduleDutyInput";
        Field<DutyPersonInputType>("leader").Description("The duty leader (带班领导); a shift without one is refused.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DutyPersonInputType>>>>("officers").Description($"1 to {ScheduleDutyDecision.MaxOfficers} duty officers (值班员).");
        Field<NonNullGraphType<DateTimeScalar>>("startsAt");
        Field<NonNullGraphType<DateTimeScalar>>("endsAt").Description("After startsAt, at most 72 hours later, and not past.");
    }
}

public sealed class DutyPersonInputType : InputObjectGraphType<DutyPersonInput>
{
    public DutyPersonInputType()
    {
        Name = "DutyPersonInput";
        Field<NonNullGraphType<StringGraphType>>("name");
        Field<NonNullGraphType<StringGraphType>>("phone").Description("Digits, with an optional leading +, spaces or hyphens.");
        Field<StringGraphType>("login").Description("The subject of the person's sign-in: the service then knows them on duty (handover, acknowledgement).");
    }
}

public sealed record HandOverDutyInput(string ShiftId, string? Notes);

public sealed class HandOverDutyInputType : InputObjectGraphType<HandOverDutyInput>
{
    public HandOverDutyInputType()
    {
        Name = "HandOverDutyInput";
        Field<NonNullGraphType<IdGraphType>>("shiftId").Description("The outgoing shift (the one on duty).");
        Field<StringGraphType>("notes").Description("What the outgoing shift wants the next to know, beyond the open items.");
    }
}

public sealed record AcknowledgeHandoverInput(string ShiftId, string? Notes);

public sealed class AcknowledgeHandoverInputType : InputObjectGraphType<AcknowledgeHandoverInput>
{
    public AcknowledgeHandoverInputType()
    {
        Name = "AcknowledgeHandoverInput";
        Field<NonNullGraphType<IdGraphType>>("shiftId").Description("The incoming shift, to which the handover was given.");
        Field<StringGraphType>("notes");
    }
}

public static class DutyPayloadType
{
    public sealed class Schedule() : PayloadType<DutyShiftType>("ScheduleDutyPayload", "shift", "The shift as scheduled, or why not.");

    public sealed class HandOver() : PayloadType<DutyShiftType>("HandOverDutyPayload", "shift", "The outgoing shift with its handover, or why not.");

    public sealed class Acknowledge() : PayloadType<DutyShiftType>("AcknowledgeHandoverPayload", "shift", "The incoming shift with the handover acknowledged, or why not.");
}
