using GraphQL.Types;
using Muster.Api.GraphQL;
using Muster.Api.GraphQL.Relay;
using Muster.Api.GraphQL.Scalars;
using Muster.Api.Incidents;
using Muster.Plans;

namespace Muster.Api.Plans;

public sealed class PlanType : ObjectGraphType<Plan>
{
    public const string TypeName = "Plan";

    /// <summary>What a mutation on an existing one names in its input (see <see cref="Mutation.On"/>).</summary>
    public static readonly Existing Existing = new(TypeName, "plan");

    public PlanType()
    {
        Name = TypeName;
        Description = "The emergency plan (应急预案) for one kind of incident at one response level; redefining it makes a new version.";
        Interface<NodeInterface>();
        IsTypeOf = value => value is Plan;
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => GlobalId.Encode(TypeName, c.Source.Id));
        Field<NonNullGraphType<IncidentKindType>>("incidentKind").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<ResponseLevelType>>("level").Resolve(c => c.Source.Level);
        Field<NonNullGraphType<IntGraphType>>("version").Description("1 for the first definition, one more for each redefinition.").Resolve(c => c.Source.Version);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UnitNeedType>>>>("units").Resolve(c => c.Source.Requirements.Units);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SupplyNeedType>>>>("supplies").Resolve(c => c.Source.Requirements.Supplies);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ExpertNeedType>>>>("experts").Resolve(c => c.Source.Requirements.Experts);
        Field<IntGraphType>("drillIntervalDays").Description("How often the plan is drilled; null when not scheduled.").Resolve(c => c.Source.DrillIntervalDays);
        Field<DateScalar>("lastDrillOn").Resolve(c => c.Source.LastDrillOn);
        Field<StringGraphType>("lastDrillNotes").Resolve(c => c.Source.LastDrillNotes);
        Field<DateScalar>("nextDrillDue").Description("An interval after the last drill, or after the plan was first defined.").Resolve(c => c.Source.NextDrillDue);
        Field<NonNullGraphType<DateTimeScalar>>("definedAt").Resolve(c => c.Source.DefinedAt);
        Field<NonNullGraphType<DateTimeScalar>>("updatedAt").Resolve(c => c.Source.UpdatedAt);
    }
}
