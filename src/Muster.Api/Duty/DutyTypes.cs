using GraphQL.Types;
using Muster.Api.GraphQL;
using Muster.Api.GraphQL.Relay;
using Muster.Api.GraphQL.Scalars;
using Muster.Duty;
using Muster.Duty.OpenItems;

namespace Muster.Api.Duty;

public sealed class DutyShiftType : ObjectGraphType<DutyShift>
{
    public const string TypeName = "DutyShift";

    /// <summary>What a mutation on an existing shift names in its input.</summary>
    public static readonly Existing Existing = new(TypeName, "shift");

    public DutyShiftType()
    {
        Name = TypeName;
        Description = "A shift of the duty roster (应急值班): its duty leader (带班领导) and duty officers (值班员), from startsAt until before endsAt, and its handovers.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => GlobalId.Encode(TypeName, c.Source.Id));
        Field<NonNullGraphType<DutyPersonType>>("leader").Description("The duty leader (带班领导).").Resolve(c => c.Source.Leader);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DutyPersonType>>>>("officers").Description("The duty officers (值班员).").Resolve(c => c.Source.Officers);
        Field<NonNullGraphType<DateTimeScalar>>("startsAt").Resolve(c => c.Source.StartsAt);
        Field<NonNullGraphType<DateTimeScalar>>("endsAt").Description("The shift ends just before this instant, when the next one may start.").Resolve(c => c.Source.EndsAt);
        Field<NonNullGraphType<DateTimeScalar>>("scheduledAt").Resolve(c => c.Source.ScheduledAt);
        Field<HandoverType>("handedOver").Description("The handover this shift gave to the next one (交班), once given.").Resolve(c => c.Source.HandedOver);
        Field<HandoverType>("received").Description("The handover this shift received from the one before (接班), once given.").Resolve(c => c.Source.Received);
        Field<DateTimeScalar>("handoverRemindedFor").Description("When the watch reminded this shift to hand over, the handover time it named.").Resolve(c => c.Source.ReminderDueAt);
        Field<NonNullGraphType<BooleanGraphType>>("mine").Description("Whether the caller is one of this shift's people (by the login named on the roster).")
            .Resolve(c => Visibility.Viewer(c) is { } viewer && c.Source.IsOnIt(viewer.Subject));
    }
}

public sealed class DutyPersonType : ObjectGraphType<DutyPerson>
{
    public DutyPersonType()
    {
        Name = "DutyPerson";
        Description = "One of the people on a shift; login is the subject of their sign-in, by which the service knows them on duty.";
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<StringGraphType>>("phone").Resolve(c => c.Source.Phone);
        Field<StringGraphType>("login").Resolve(c => c.Source.Login);
    }
}

public sealed class HandoverType : ObjectGraphType<Handover>
{
    public HandoverType()
    {
        Name = "DutyHandover";
        Description = "A handover between two shifts: who gave it and when, the open items at that moment, and the acknowledgement of the incoming shift.";
        Field<NonNullGraphType<IdGraphType>>("fromShiftId").Resolve(c => GlobalId.Encode(DutyShiftType.TypeName, c.Source.FromShiftId));
        Field<NonNullGraphType<IdGraphType>>("toShiftId").Resolve(c => GlobalId.Encode(DutyShiftType.TypeName, c.Source.ToShiftId));
        Field<NonNullGraphType<StringGraphType>>("by").Description("The login of who handed over.").Resolve(c => c.Source.By);
        Field<NonNullGraphType<DateTimeScalar>>("at").Resolve(c => c.Source.At);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OpenItemType>>>>("openItems").Resolve(c => c.Source.OpenItems);
        Field<StringGraphType>("notes").Resolve(c => c.Source.Notes);
        Field<StringGraphType>("acknowledgedBy").Description("The login of who took it over; null until acknowledged.").Resolve(c => c.Source.AcknowledgedBy);
        Field<DateTimeScalar>("acknowledgedAt").Resolve(c => c.Source.AcknowledgedAt);
        Field<StringGraphType>("acknowledgementNotes").Resolve(c => c.Source.AcknowledgementNotes);
    }
}

public sealed class OpenItemType : ObjectGraphType<OpenItem>
{
    public OpenItemType()
    {
        Name = "OpenItem";
        Description = "An unfinished matter a shift hands over: an incident not closed, supplies in transit, an overdue report or rectification.";
        Field<NonNullGraphType<OpenItemKindType>>("kind").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<IdGraphType>>("subjectId").Description("The global id of what it is about (an Incident, a SupplyRequest, …).")
            .Resolve(c => GlobalId.Encode(SubjectType(c.Source.Kind), c.Source.SubjectId));
        Field<NonNullGraphType<StringGraphType>>("summary").Resolve(c => c.Source.Summary);
        Field<DateTimeScalar>("due").Description("When a deadline applies.").Resolve(c => c.Source.Due);
    }

    /// <summary>The node type an open item's subject id names.</summary>
    public static string SubjectType(OpenItemKind kind) => kind switch
    {
        OpenItemKind.IncidentOpen => "Incident",
        OpenItemKind.RequestInTransit => "SupplyRequest",
        OpenItemKind.ReportOverdue => "IncidentReport",
        OpenItemKind.DrillDue => "Plan",
        OpenItemKind.DrillRunning => "Drill",
        _ => "HiddenDanger",
    };
}

public sealed class OpenItemKindType : EnumerationGraphType<OpenItemKind>
{
    public OpenItemKindType()
    {
        Name = "OpenItemKind";
        Description = "INCIDENT_OPEN, REQUEST_IN_TRANSIT, REPORT_OVERDUE, RECTIFICATION_OVERDUE, DRILL_DUE (start it with startDrill), DRILL_RUNNING (end it with endDrill).";
    }
}

public sealed class RosterGapType : ObjectGraphType<RosterGap>
{
    public RosterGapType()
    {
        Name = "RosterGap";
        Description = "A stretch of time nobody is on the duty roster for.";
        Field<NonNullGraphType<DateTimeScalar>>("from").Resolve(c => c.Source.From);
        Field<DateTimeScalar>("until").Description("When the next shift starts; null when none is scheduled within the horizon looked at.").Resolve(c => c.Source.Until);
    }
}

/// <summary>The watch's reminder that a shift's handover falls due.</summary>
public sealed record HandoverDue(DutyShift Shift, DateTimeOffset DueAt, DutyShift? Next);

public sealed class HandoverDueType : ObjectGraphType<HandoverDue>
{
    public HandoverDueType()
    {
        Name = "HandoverDue";
        Description = "The shift on duty hands over soon (at dueAt, its end) to the next shift.";
        Field<NonNullGraphType<DutyShiftType>>("shift").Resolve(c => c.Source.Shift);
        Field<NonNullGraphType<DateTimeScalar>>("dueAt").Resolve(c => c.Source.DueAt);
        Field<DutyShiftType>("next").Description("The shift that takes over; null when none is scheduled (a gap).").Resolve(c => c.Source.Next);
    }
}
