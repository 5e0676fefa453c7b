using GraphQL;
using GraphQL.Types;
using Muster.Api.Depots;
using Muster.Api.Experts;
using Muster.Api.GraphQL;
using Muster.Api.GraphQL.Loading;
using Muster.Api.GraphQL.Relay;
using Muster.Api.GraphQL.Scalars;
using Muster.Api.Incidents;
using Muster.Api.Plans;
using Muster.Api.Readiness;
using Muster.Api.Units;
using Muster.Dispatch;
using Muster.Dispatch.Proposing;
using Muster.Experts;
using Muster.Incidents;
using Muster.Infrastructure;
using Muster.Units;

namespace Muster.Api.Dispatch;

public sealed class DispatchProposalType : ObjectGraphType<DispatchProposal>
{
    public const string TypeName = "DispatchProposal";

    /// <summary>What a mutation on an existing one names in its input (see <see cref="Mutation.On"/>).</summary>
    public static readonly Existing Existing = new(TypeName, "proposal");

    public DispatchProposalType()
    {
        Name = TypeName;
        Description = "What Muster proposes to send to an incident, each entry with why, and what cannot be met. Admin and commanders.";
        Interface<NodeInterface>();
        IsTypeOf = value => value is DispatchProposal;
        this.AuthorizeWithRoles(Roles.Admin, Roles.Commander);
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => GlobalId.Encode(TypeName, c.Source.Id));
        Field<NonNullGraphType<IncidentType>>("incident").Resolve(c => DocumentLoader.For<Incident>(c.RequestServices!, i => i.Id).Load(c.Source.IncidentId));
        Field<NonNullGraphType<ProposalStatusType>>("status").Resolve(c => c.Source.Status);
        Field<IdGraphType>("planId").Description("The plan followed; null when explicit requirements were given.")
            .Resolve(c => c.Source.PlanId is { } id ? GlobalId.Encode(PlanType.TypeName, id) : null);
        Field<IntGraphType>("planVersion").Resolve(c => c.Source.PlanVersion);
        Field<NonNullGraphType<RequirementsType>>("requirements").Description("What the proposal set out to cover.").Resolve(c => c.Source.Requirements);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProposedUnitType>>>>("units").Resolve(c => c.Source.Units);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProposedSupplyType>>>>("supplies").Resolve(c => c.Source.Supplies);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProposedExpertType>>>>("experts").Resolve(c => c.Source.Experts);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ShortfallType>>>>("shortfalls").Resolve(c => c.Source.Shortfalls);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CoverageCostType>>>>("coverageCost")
            .Description("Per capability the proposal sends, the city's coverage within the capability's limit before and after the proposed units leave; empty for proposals made before this was reckoned.")
            .Resolve(c => c.Source.CoverageCosts ?? []);
        Field<NonNullGraphType<StringGraphType>>("proposedBy").Resolve(c => c.Source.ProposedBy);
        Field<NonNullGraphType<DateTimeScalar>>("proposedAt").Resolve(c => c.Source.ProposedAt);
    }
}

public sealed class ProposedUnitType : ObjectGraphType<ProposedUnit>
{
    public ProposedUnitType()
    {
        Name = "ProposedUnit";
        Description = "A unit proposed for one capability requirement, with why and what else could go.";
        Field<NonNullGraphType<RescueUnitType>>("unit").Resolve(c => DocumentLoader.For<RescueUnit>(c.RequestServices!, u => u.Id).Load(c.Source.UnitId));
        Field<NonNullGraphType<StringGraphType>>("capability").Resolve(c => c.Source.Capability);
        Field<NonNullGraphType<FloatGraphType>>("distanceMeters").Resolve(c => Math.Round(c.Source.DistanceMeters, 1));
        Field<NonNullGraphType<IntGraphType>>("etaSeconds").Resolve(c => c.Source.EtaSeconds);
        Field<NonNullGraphType<BooleanGraphType>>("positionStale").Resolve(c => c.Source.PositionStale);
        Field<NonNullGraphType<StringGraphType>>("reason").Resolve(c => c.Source.Reason);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UnitAlternativeType>>>>("alternatives").Description("Up to three next-best units with the capability.")
            .WithComplexityImpact(1, DispatchPlanner.MaxAlternatives).Resolve(c => c.Source.Alternatives);
    }
}

public sealed class UnitAlternativeType : ObjectGraphType<Alternative>
{
    public UnitAlternativeType()
    {
        Name = "UnitAlternative";
        Field<NonNullGraphType<RescueUnitType>>("unit").Resolve(c => DocumentLoader.For<RescueUnit>(c.RequestServices!, u => u.Id).Load(c.Source.Id));
        Field<NonNullGraphType<FloatGraphType>>("distanceMeters").Resolve(c => Math.Round(c.Source.DistanceMeters, 1));
        Field<NonNullGraphType<IntGraphType>>("etaSeconds").Resolve(c => c.Source.EtaSeconds);
    }
}

public sealed class ProposedSupplyType : ObjectGraphType<ProposedSupply>
{
    public ProposedSupplyType()
    {
        Name = "ProposedSupply";
        Description = "Supplies proposed from one depot.";
        Field<NonNullGraphType<DepotType>>("depot").Resolve(c => DepotNodeSource.Loader(c.RequestServices!).Load(c.Source.DepotId));
        Field<NonNullGraphType<StringGraphType>>("itemCode").Resolve(c => c.Source.ItemCode);
        Field<NonNullGraphType<IntGraphType>>("quantity").Resolve(c => c.Source.Quantity);
        Field<NonNullGraphType<FloatGraphType>>("distanceMeters").Resolve(c => Math.Round(c.Source.DistanceMeters, 1));
        Field<NonNullGraphType<IntGraphType>>("etaSeconds").Resolve(c => c.Source.EtaSeconds);
        Field<NonNullGraphType<StringGraphType>>("reason").Resolve(c => c.Source.Reason);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DepotAlternativeType>>>>("alternatives")
            .Description("Up to three further depots with the item available that the proposal did not draw on, nearest first.")
            .WithComplexityImpact(1, DispatchPlanner.MaxAlternatives).Resolve(c => c.Source.Alternatives);
    }
}

public sealed class DepotAlternativeType : ObjectGraphType<DepotAlternative>
{
    public DepotAlternativeType()
    {
        Name = "DepotAlternative";
        Field<NonNullGraphType<DepotType>>("depot").Resolve(c => DepotNodeSource.Loader(c.RequestServices!).Load(c.Source.DepotId));
        Field<NonNullGraphType<IntGraphType>>("available").Resolve(c => c.Source.Available);
        Field<NonNullGraphType<FloatGraphType>>("distanceMeters").Resolve(c => Math.Round(c.Source.DistanceMeters, 1));
        Field<NonNullGraphType<IntGraphType>>("etaSeconds").Resolve(c => c.Source.EtaSeconds);
    }
}

public sealed class ProposedExpertType : ObjectGraphType<ProposedExpert>
{
    public ProposedExpertType()
    {
        Name = "ProposedExpert";
        Field<NonNullGraphType<ExpertType>>("expert").Resolve(c => DocumentLoader.For<Expert>(c.RequestServices!, e => e.Id).Load(c.Source.ExpertId));
        Field<NonNullGraphType<StringGraphType>>("specialty").Resolve(c => c.Source.Specialty);
        Field<NonNullGraphType<FloatGraphType>>("distanceMeters").Resolve(c => Math.Round(c.Source.DistanceMeters, 1));
        Field<NonNullGraphType<IntGraphType>>("etaSeconds").Resolve(c => c.Source.EtaSeconds);
        Field<NonNullGraphType<StringGraphType>>("reason").Resolve(c => c.Source.Reason);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ExpertAlternativeType>>>>("alternatives")
            .WithComplexityImpact(1, DispatchPlanner.MaxAlternatives).Resolve(c => c.Source.Alternatives);
    }
}

public sealed class ExpertAlternativeType : ObjectGraphType<Alternative>
{
    public ExpertAlternativeType()
    {
        Name = "ExpertAlternative";
        Field<NonNullGraphType<ExpertType>>("expert").Resolve(c => DocumentLoader.For<Expert>(c.RequestServices!, e => e.Id).Load(c.Source.Id));
        Field<NonNullGraphType<FloatGraphType>>("distanceMeters").Resolve(c => Math.Round(c.Source.DistanceMeters, 1));
        Field<NonNullGraphType<IntGraphType>>("etaSeconds").Resolve(c => c.Source.EtaSeconds);
    }
}

public sealed class ShortfallType : ObjectGraphType<Shortfall>
{
    public ShortfallType()
    {
        Name = "Shortfall";
        Description = "What could not be met: a quantity of a capability, item or specialty, and why.";
        Field<NonNullGraphType<ShortfallKindType>>("kind").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<StringGraphType>>("what").Description("The capability, item code or specialty.").Resolve(c => c.Source.What);
        Field<NonNullGraphType<IntGraphType>>("quantity").Resolve(c => c.Source.Quantity);
        Field<NonNullGraphType<StringGraphType>>("reason").Resolve(c => c.Source.Reason);
    }
}

public sealed class ShortfallKindType : EnumerationGraphType<ShortfallKind>
{
    public ShortfallKindType() => Name = "ShortfallKind";
}

public sealed class ProposalStatusType : EnumerationGraphType<ProposalStatus>
{
    public ProposalStatusType()
    {
        Name = "ProposalStatus";
        Description = "PROPOSED: may be approved; APPROVED; SUPERSEDED: a newer proposal for the incident replaced it.";
    }
}
