using GraphQL;
using GraphQL.Types;
using Muster.Api.GraphQL.Relay;
using Muster.Api.GraphQL.Scalars;
using Muster.Api.Incidents;
using Muster.Incidents;
using Muster.Infrastructure;
using Muster.Plans;
using Muster.Plans.Defining;
using Muster.Plans.Drilling;

namespace Muster.Api.Plans;

/// <summary>Defining plans and recording their drills: admin and commanders.</summary>
public static class PlanMutations
{
    public static void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<PlanPayloadType.Define>>("definePlan")
            .Description("Defines the plan for an incident kind at a response level, or a new version of it. Admin or commander.")
            .Argument<NonNullGraphType<DefinePlanInputType>>("input")
            .AuthorizeWithRoles(Roles.Admin, Roles.Commander)
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<Dictionary<string, object?>>("input");
                var command = new DefinePlan((IncidentKind)input["incidentKind"]!, (ResponseLevel)input["level"]!, input.GetValueOrDefault("name") as string,
                    new Requirements(
                        Entries<UnitNeed>(input, "units"), Entries<SupplyNeed>(input, "supplies"), Entries<ExpertNeed>(input, "experts")),
                    input.GetValueOrDefault("drillIntervalDays") as int?);
                return Payload.From(await context.RequestServices!.GetRequiredService<DefinePlanHandler>().Handle(command, context.CancellationToken));
            });

        mutation.Field<NonNullGraphType<PlanPayloadType.Drill>>("recordDrill")
            .Description("Records that the plan was drilled; the next drill falls due an interval later. Admin or commander.")
            .Argument<NonNullGraphType<RecordDrillInputType>>("input")
            .AuthorizeWithRoles(Roles.Admin, Roles.Commander)
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<Dictionary<string, object?>>("input");
                if (GlobalId.Of(PlanType.TypeName, (string)input["planId"]!) is not { } planId)
                {
                    return Payload.NotFound("plan", "planId");
                }

                var command = new RecordDrill(planId, (DateOnly)input["heldOn"]!, input.GetValueOrDefault("notes") as string);
                return Payload.From(await context.RequestServices!.GetRequiredService<RecordDrillHandler>().Handle(command, context.CancellationToken));
            });
    }

    private static IReadOnlyList<T> Entries<T>(Dictionary<string, object?> input, string key) =>
        input.GetValueOrDefault(key) is IEnumerable<object?> items ? items.OfType<T>().ToList() : [];
}

public sealed class DefinePlanInputType : InputObjectGraphType
{
    public DefinePlanInputType()
    {
        Name = "DefinePlanInput";
        Field<NonNullGraphType<IncidentKindType>>("incidentKind");
        Field<NonNullGraphType<ResponseLevelType>>("level");
        Field<StringGraphType>("name").Description("e.g. 煤矿瓦斯爆炸 II 级响应; a default is made from kind and level.");
        Field<ListGraphType<NonNullGraphType<UnitNeedInputType>>>("units");
        Field<ListGraphType<NonNullGraphType<SupplyNeedInputType>>>("supplies");
        Field<ListGraphType<NonNullGraphType<ExpertNeedInputType>>>("experts");
        Field<IntGraphType>("drillIntervalDays").Description("How often the plan must be drilled, in days.");
    }
}

public sealed class RecordDrillInputType : InputObjectGraphType
{
    public RecordDrillInputType()
    {
        Name = "RecordDrillInput";
        Field<NonNullGraphType<IdGraphType>>("planId");
        Field<NonNullGraphType<DateScalar>>("heldOn");
        Field<StringGraphType>("notes");
    }
}

public static class PlanPayloadType
{
    public sealed class Define() : PayloadType<PlanType>("DefinePlanPayload", "plan", "The plan as now defined, or why it was not.");

    public sealed class Drill() : PayloadType<PlanType>("RecordDrillPayload", "plan", "The plan with its drill recorded, or why not.");
}
