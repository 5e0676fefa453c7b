using GraphQL;
using GraphQL.Types;
using Muster.Api.GraphQL;
using Muster.Api.GraphQL.Scalars;
using Muster.Api.Incidents;
using Muster.Api.Plans;
using Muster.Drills.Ending;
using Muster.Drills.Starting;
using Muster.Incidents;
using Muster.Infrastructure;
using Muster.Spatial;

namespace Muster.Api.Drills;

/// <summary>Starting and ending drills: admin and commanders.</summary>
public static class DrillMutations
{
    public static void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<DrillPayloadType.Starting>>("startDrill")
            .Description("Starts a drill of a plan on a copy of the register and stock taken now, with the scenario's incident reported in it; play it at the drill's endpoint. Nothing real changes. Admin or commander.")
            .Argument<NonNullGraphType<StartDrillInputType>>("input")
            .AuthorizeWithRoles(Roles.Admin, Roles.Commander)
            .ResolveAsync(Mutation.On(PlanType.Existing, i => i.PlanId,
                (StartDrillHandler drills, Guid planId, StartDrillInput input, CancellationToken ct) => drills.Handle(
                    new StartDrill(planId, input.Scenario.Kind, input.Scenario.Level, input.Scenario.Location, input.Scenario.Title), ct)));

        mutation.Field<NonNullGraphType<DrillPayloadType.Ending>>("endDrill")
            .Description("Ends a drill: keeps its after-action report, records the drill on its plan, and discards its copy. Admin or commander.")
            .Argument<NonNullGraphType<EndDrillInputType>>("input")
            .AuthorizeWithRoles(Roles.Admin, Roles.Commander)
            .ResolveAsync(Mutation.On(DrillType.Existing, i => i.DrillId,
                (EndDrillHandler drills, Guid drillId, EndDrillInput input, CancellationToken ct) => drills.Handle(new EndDrill(drillId, input.Notes), ct)));
    }
}

public sealed record DrillScenarioInput(IncidentKind? Kind, ResponseLevel? Level, GeoPoint Location, string? Title);

public sealed class DrillScenarioInputType : InputObjectGraphType<DrillScenarioInput>
{
    public DrillScenarioInputType()
    {
        Name = "DrillScenarioInput";
        Description = "The exercise incident: kind and level default to the plan's, the title to 演练：plan name.";
        Field<IncidentKindType>("kind");
        Field<ResponseLevelType>("level");
        Field<NonNullGraphType<GeoPointInputType>>("location");
        Field<StringGraphType>("title");
    }
}

public sealed record StartDrillInput(string PlanId, DrillScenarioInput Scenario);

public sealed class StartDrillInputType : InputObjectGraphType<StartDrillInput>
{
    public StartDrillInputType()
    {
        Name = "StartDrillInput";
        Field<NonNullGraphType<IdGraphType>>("planId");
        Field<NonNullGraphType<DrillScenarioInputType>>("scenario");
    }
}

public sealed record EndDrillInput(string DrillId, string? Notes);

public sealed class EndDrillInputType : InputObjectGraphType<EndDrillInput>
{
    public EndDrillInputType()
    {
        Name = "EndDrillInput";
        Field<NonNullGraphType<IdGraphType>>("drillId");
        Field<StringGraphType>("notes").Description("What the commander observed; kept on the drill and, with the report's summary, on the plan.");
    }
}

public static class DrillPayloadType
{
    public sealed class Starting() : PayloadType<DrillType>("StartDrillPayload", "drill", "The drill, running, or why it did not start.");

    public sealed class Ending() : PayloadType<DrillType>("EndDrillPayload", "drill", "The drill with its after-action report, or why it did not end.");
}
