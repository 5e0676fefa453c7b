using GraphQL;
using GraphQL.Types;
using Muster.Api.GraphQL;
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
            .ResolveAsync(Mutation.Run((DefinePlanHandler plans, DefinePlanInput input, CancellationToken ct) => plans.Handle(
                new DefinePlan(input.IncidentKind, input.Level, input.Name,
                    new Requirements(input.Units ?? [], input.Supplies ?? [], input.Experts ?? []), input.DrillIntervalDays), ct)));

        mutation.Field<NonNullGraphType<PlanPayloadType.Drill>>("recordDrill")
            .Description("Records that the plan was drilled; the next drill falls due an interval later. Admin or commander.")
            .Argument<NonNullGraphType<RecordDrillInputType>>("input")
            .AuthorizeWithRoles(Roles.Admin, Roles.Commander)
            .ResolveAsync(Mutation.On(PlanType.Existing, i => i.PlanId,
                (RecordDrillHandler plans, Guid planId, RecordDrillInput input, CancellationToken ct) =>
                    plans.Handle(new RecordDrill(planId, input.HeldOn, input.Notes), ct)));
    }
}

public sealed record DefinePlanInput(
    IncidentKind IncidentKind, ResponseLevel Level, string? Name,
    IReadOnlyList<UnitNeed>? Units, IReadOnlyList<SupplyNeed>? Supplies, IReadOnlyList<ExpertNeed>? Experts, int? DrillIntervalDays);

public sealed class DefinePlanInputType : InputObjectGraphType<DefinePlanInput>
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

public sealed record RecordDrillInput(string PlanId, DateOnly HeldOn, string? Notes);

public sealed class RecordDrillInputType : InputObjectGraphType<RecordDrillInput>
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
