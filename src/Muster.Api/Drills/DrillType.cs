using GraphQL;
using GraphQL.Types;
using Muster.Api.Dispatch;
using Muster.Api.GraphQL;
using Muster.Api.GraphQL.Relay;
using Muster.Api.GraphQL.Scalars;
using Muster.Api.Incidents;
using Muster.Api.Plans;
using Muster.Drills;
using Muster.Drills.AfterAction;
using Muster.Infrastructure;

namespace Muster.Api.Drills;

public sealed class DrillType : ObjectGraphType<Drill>
{
    public const string TypeName = "Drill";

    /// <summary>What a mutation on an existing one names in its input (see <see cref="Mutation.On"/>).</summary>
    public static readonly Existing Existing = new(TypeName, "drill");

    public DrillType()
    {
        Name = TypeName;
        Description = "An exercise (演练) of a plan on an isolated copy of the register and stock: nothing real changes. Admin, commanders and logistics.";
        Interface<NodeInterface>();
        IsTypeOf = value => value is Drill;
        this.AuthorizeWithRoles(DrillsGraph.Participants);
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => GlobalId.Encode(TypeName, c.Source.Id));
        Field<NonNullGraphType<StringGraphType>>("name").Description("The scenario's title, shown on every screen of the drill.").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<DrillStatusType>>("status").Resolve(c => c.Source.Status);
        Field<PlanType>("plan").Description("The plan as it is now.")
            .ResolveAsync(async c => await c.RequestServices!.GetRequiredService<Marten.IQuerySession>().LoadAsync<Muster.Plans.Plan>(c.Source.PlanId, c.CancellationToken));
        Field<NonNullGraphType<StringGraphType>>("planName").Description("The plan's name when the drill started.").Resolve(c => c.Source.PlanName);
        Field<NonNullGraphType<IntGraphType>>("planVersion").Description("The plan's version the drill exercised.").Resolve(c => c.Source.PlanVersion);
        Field<NonNullGraphType<RequirementsType>>("planRequirements").Description("What that version requires.").Resolve(c => c.Source.PlanRequirements);
        Field<NonNullGraphType<DrillScenarioType>>("scenario").Resolve(c => c.Source.Scenario);
        Field<NonNullGraphType<StringGraphType>>("endpoint")
            .Description("Where the drill is played while it runs: GraphQL over HTTP and WebSocket, like /graphql, on the drill's copy.")
            .Resolve(c => DrillsGraph.EndpointOf(c.Source.Id));
        Field<NonNullGraphType<IdGraphType>>("incidentId").Description("The scenario's exercise incident, at the drill's endpoint.")
            .Resolve(c => GlobalId.Encode(IncidentType.TypeName, c.Source.IncidentId));
        Field<NonNullGraphType<StringGraphType>>("startedBy").Resolve(c => c.Source.StartedBy);
        Field<NonNullGraphType<DateTimeScalar>>("startedAt").Resolve(c => c.Source.StartedAt);
        Field<StringGraphType>("endedBy").Resolve(c => c.Source.EndedBy);
        Field<DateTimeScalar>("endedAt").Resolve(c => c.Source.EndedAt);
        Field<StringGraphType>("notes").Resolve(c => c.Source.Notes);
        Field<AfterActionReportType>("afterAction").Description("The after-action report, once the drill ended.").Resolve(c => c.Source.Report);
    }
}

public sealed class DrillStatusType : EnumerationGraphType<DrillStatus>
{
    public DrillStatusType()
    {
        Name = "DrillStatus";
        Description = "OPEN: played at its endpoint; ENDED: its report kept, its copy discarded.";
    }
}

public sealed class DrillScenarioType : ObjectGraphType<DrillScenario>
{
    public DrillScenarioType()
    {
        Name = "DrillScenario";
        Description = "The exercise incident reported when the drill starts.";
        Field<NonNullGraphType<IncidentKindType>>("kind").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<ResponseLevelType>>("level").Resolve(c => c.Source.Level);
        Field<NonNullGraphType<GeoPointType>>("location").Resolve(c => c.Source.Location);
        Field<NonNullGraphType<StringGraphType>>("title").Resolve(c => c.Source.Title);
    }
}

public sealed class AfterActionReportType : ObjectGraphType<AfterActionReport>
{
    public AfterActionReportType()
    {
        Name = "AfterActionReport";
        Description = "What the drill did and how it measured up against its plan; kept when the drill's copy is discarded.";
        Field<NonNullGraphType<DateTimeScalar>>("startedAt").Resolve(c => c.Source.StartedAt);
        Field<NonNullGraphType<DateTimeScalar>>("endedAt").Resolve(c => c.Source.EndedAt);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DrillResponseType>>>>("responses")
            .Description("Each exercise incident, with its times from report to proposal to approval.").Resolve(c => c.Source.Responses);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PlanComparisonType>>>>("comparedWithPlan")
            .Description("What the plan requires against what the drill dispatched.").Resolve(c => c.Source.ComparedWithPlan);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ShortfallType>>>>("shortOf")
            .Description("What the approved proposals could not meet.").Resolve(c => c.Source.ShortOf);
        Field<ListGraphType<NonNullGraphType<CoverageLossType>>>("coverageLost")
            .Description("The coverage the drill's dispatches would have cost the city; null where proposals do not state their coverage cost.")
            .Resolve(c => c.Source.CoverageLost);
        Field<NonNullGraphType<IntGraphType>>("eventCount").Description("How many events the drill wrote.").Resolve(c => c.Source.EventCount);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DrillTimelineEntryType>>>>("timeline")
            .Description($"The events the drill wrote, in order, as they were (the first {AfterActionReports.MaxTimeline}).").Resolve(c => c.Source.Timeline);
    }
}

public sealed class DrillResponseType : ObjectGraphType<DrillResponse>
{
    public DrillResponseType()
    {
        Name = "DrillResponse";
        Description = "One exercise incident's response: when each step happened, and how long it took.";
        Field<NonNullGraphType<IdGraphType>>("incidentId").Resolve(c => GlobalId.Encode(IncidentType.TypeName, c.Source.IncidentId));
        Field<NonNullGraphType<StringGraphType>>("title").Resolve(c => c.Source.Title);
        Field<NonNullGraphType<IncidentKindType>>("kind").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<ResponseLevelType>>("level").Resolve(c => c.Source.Level);
        Field<NonNullGraphType<DateTimeScalar>>("reportedAt").Resolve(c => c.Source.ReportedAt);
        Field<DateTimeScalar>("firstProposedAt").Resolve(c => c.Source.FirstProposedAt);
        Field<DateTimeScalar>("approvedAt").Resolve(c => c.Source.ApprovedAt);
        Field<DateTimeScalar>("shippedAt").Resolve(c => c.Source.ShippedAt);
        Field<DateTimeScalar>("closedAt").Resolve(c => c.Source.ClosedAt);
        Field<NonNullGraphType<IntGraphType>>("proposals").Description("How many proposals were asked for.").Resolve(c => c.Source.Proposals);
        Field<FloatGraphType>("secondsToProposal").Description("From report to the first proposal.").Resolve(c => Seconds(c.Source.ReportedAt, c.Source.FirstProposedAt));
        Field<FloatGraphType>("secondsToApproval").Description("From the first proposal to approval.").Resolve(c => Seconds(c.Source.FirstProposedAt, c.Source.ApprovedAt));
        Field<FloatGraphType>("secondsReportToApproval").Description("From report to approval.").Resolve(c => Seconds(c.Source.ReportedAt, c.Source.ApprovedAt));
    }

    private static double? Seconds(DateTimeOffset? from, DateTimeOffset? to) =>
        from is { } f && to is { } t ? Math.Round((t - f).TotalSeconds, 3) : null;
}

public sealed class PlanComparisonType : ObjectGraphType<PlanComparison>
{
    public PlanComparisonType()
    {
        Name = "PlanComparison";
        Description = "One line of the plan (a capability, item or specialty): required, dispatched in the drill, and short.";
        Field<NonNullGraphType<ShortfallKindType>>("kind").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<StringGraphType>>("what").Resolve(c => c.Source.What);
        Field<NonNullGraphType<IntGraphType>>("required").Resolve(c => c.Source.Required);
        Field<NonNullGraphType<IntGraphType>>("dispatched").Resolve(c => c.Source.Dispatched);
        Field<NonNullGraphType<IntGraphType>>("short").Resolve(c => c.Source.Missing);
    }
}

public sealed class CoverageLossType : ObjectGraphType<CoverageLoss>
{
    public CoverageLossType()
    {
        Name = "CoverageLoss";
        Description = "Coverage of one capability within a time limit before and after the drill's dispatch (shares 0..1), and the places left uncovered.";
        Field<NonNullGraphType<StringGraphType>>("capability").Resolve(c => c.Source.Capability);
        Field<NonNullGraphType<IntGraphType>>("withinSeconds").Resolve(c => c.Source.WithinSeconds);
        Field<NonNullGraphType<FloatGraphType>>("coveredBefore").Resolve(c => c.Source.CoveredBefore);
        Field<NonNullGraphType<FloatGraphType>>("coveredAfter").Resolve(c => c.Source.CoveredAfter);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("uncovered").Resolve(c => c.Source.Uncovered);
    }
}

public sealed class DrillTimelineEntryType : ObjectGraphType<DrillTimelineEntry>
{
    public DrillTimelineEntryType()
    {
        Name = "DrillTimelineEntry";
        Description = "One event the drill wrote on its copy, as it was.";
        Field<NonNullGraphType<FloatGraphType>>("sequence").Description("Its place in the copy's event store.").Resolve(c => (double)c.Source.Sequence);
        Field<NonNullGraphType<DateTimeScalar>>("at").Resolve(c => c.Source.At);
        Field<NonNullGraphType<StringGraphType>>("eventType").Resolve(c => c.Source.EventType);
        Field<NonNullGraphType<StringGraphType>>("streamId").Description("The raw id of the stream it was written on, in the copy.").Resolve(c => c.Source.StreamId.ToString());
        Field<NonNullGraphType<IntGraphType>>("version").Resolve(c => (int)c.Source.Version);
        Field<StringGraphType>("actorSubject").Resolve(c => c.Source.ActorSubject);
        Field<StringGraphType>("actorRole").Resolve(c => c.Source.ActorRole);
        Field<NonNullGraphType<StringGraphType>>("data").Description("The event's data, JSON.").Resolve(c => c.Source.Data);
    }
}
