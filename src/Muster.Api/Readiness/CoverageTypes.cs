using System.Text.Json.Nodes;
using GraphQL.Types;
using Muster.Api.GraphQL.Scalars;
using Muster.Api.Spatial;
using Muster.Readiness;
using Muster.Readiness.Coverage;

namespace Muster.Api.Readiness;

public sealed class CoverageType : ObjectGraphType<CoverageAnswer>
{
    public CoverageType()
    {
        Name = "Coverage";
        Description = "Which demand points the AVAILABLE units with a capability reach within a time limit (ETA as nearestUnits reckons it; units with a stale position count for nothing).";
        Field<NonNullGraphType<StringGraphType>>("capability").Resolve(c => c.Source.Capability);
        Field<NonNullGraphType<IntGraphType>>("withinSeconds").Resolve(c => c.Source.WithinSeconds);
        Field<NonNullGraphType<FloatGraphType>>("coveredShare").Description("Covered points over all points, 0..1 (1 when there are none).").Resolve(c => c.Source.CoveredShare);
        Field<NonNullGraphType<FloatGraphType>>("coveredWeightShare").Description("Covered weight over all weight, 0..1.").Resolve(c => c.Source.CoveredWeightShare);
        Field<NonNullGraphType<FloatGraphType>>("backedUpShare")
            .Description("Points a second unit also reaches in time (backup coverage), over all points, 0..1.").Resolve(c => c.Source.BackedUpShare);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CoveragePointType>>>>("points").Description("Every demand point, in the demand's order.").Resolve(c => c.Source.Points);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CoveragePointType>>>>("uncovered").Description("The points no unit reaches in time.").Resolve(c => c.Source.Uncovered);
        Field<NonNullGraphType<StringGraphType>>("uncoveredGeoJson")
            .Description("The uncovered points as a GeoJSON FeatureCollection for a map (properties: name, kind, weight, bestEtaSeconds).")
            .Resolve(c => GeoJson.FeatureCollection(c.Source.Uncovered.Select(Feature)));
        Field<NonNullGraphType<StringGraphType>>("pointsGeoJson")
            .Description("Every point as a GeoJSON FeatureCollection (properties: name, kind, weight, covered, backedUp, bestEtaSeconds, secondBestEtaSeconds).")
            .Resolve(c => GeoJson.FeatureCollection(c.Source.Points.Select(Feature)));
    }

    private static JsonObject Feature(PointCoverage p) => GeoJson.Feature(p.Point.Id, p.Point.Location, new JsonObject
    {
        ["name"] = p.Point.Name,
        ["kind"] = DemandKindType.ValueOf(p.Point.Kind),
        ["weight"] = p.Point.Weight,
        ["covered"] = p.Covered,
        ["backedUp"] = p.BackedUp,
        ["bestEtaSeconds"] = p.BestEtaSeconds,
        ["secondBestEtaSeconds"] = p.SecondBestEtaSeconds,
    });
}

public sealed class CoveragePointType : ObjectGraphType<PointCoverage>
{
    public CoveragePointType()
    {
        Name = "CoveragePoint";
        Description = "A demand point and how soon the two soonest units reach it.";
        Field<NonNullGraphType<StringGraphType>>("id").Description("The hazard site's or jurisdiction's id (a UUID), or given-N for the N-th point given.").Resolve(c => c.Source.Point.Id);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Point.Name);
        Field<NonNullGraphType<DemandKindType>>("kind").Resolve(c => c.Source.Point.Kind);
        Field<NonNullGraphType<FloatGraphType>>("weight").Resolve(c => c.Source.Point.Weight);
        Field<NonNullGraphType<GeoPointType>>("location").Resolve(c => c.Source.Point.Location);
        Field<NonNullGraphType<BooleanGraphType>>("covered").Resolve(c => c.Source.Covered);
        Field<NonNullGraphType<BooleanGraphType>>("backedUp").Description("A second unit also arrives in time.").Resolve(c => c.Source.BackedUp);
        Field<IntGraphType>("bestEtaSeconds").Description("The soonest unit's ETA; null when none arrives within twice the limit.").Resolve(c => c.Source.BestEtaSeconds);
        Field<IntGraphType>("secondBestEtaSeconds").Description("The second soonest unit's ETA; null when none arrives within twice the limit.").Resolve(c => c.Source.SecondBestEtaSeconds);
    }
}

public sealed class DemandKindType : EnumerationGraphType<DemandKind>
{
    public DemandKindType()
    {
        Name = "DemandKind";
        Description = "HAZARD_SITE (weighted by risk colour), TOWNSHIP and VILLAGE (their seats, weighted by population where known), GIVEN (a point of demandGeoJson).";
    }

    public static string ValueOf(DemandKind kind) => kind switch
    {
        DemandKind.HazardSite => "HAZARD_SITE",
        DemandKind.Township => "TOWNSHIP",
        DemandKind.Village => "VILLAGE",
        _ => "GIVEN",
    };
}

public sealed class CoverageCostType : ObjectGraphType<CoverageCost>
{
    public CoverageCostType()
    {
        Name = "CoverageCost";
        Description = "What approving a dispatch costs the city for one capability it sends: the coverage of the hazard sites and seats within the capability's limit with every AVAILABLE unit, and without the units proposed.";
        Field<NonNullGraphType<StringGraphType>>("capability").Resolve(c => c.Source.Capability);
        Field<NonNullGraphType<IntGraphType>>("withinSeconds").Description("The capability's limit (configuration Readiness:Limits).").Resolve(c => c.Source.WithinSeconds);
        Field<NonNullGraphType<IntGraphType>>("demandPoints").Description("How many places were looked at.").Resolve(c => c.Source.DemandPoints);
        Field<NonNullGraphType<FloatGraphType>>("coveredShareBefore").Resolve(c => c.Source.CoveredShareBefore);
        Field<NonNullGraphType<FloatGraphType>>("coveredShareAfter").Resolve(c => c.Source.CoveredShareAfter);
        Field<NonNullGraphType<FloatGraphType>>("coveredWeightShareBefore").Resolve(c => c.Source.CoveredWeightShareBefore);
        Field<NonNullGraphType<FloatGraphType>>("coveredWeightShareAfter").Resolve(c => c.Source.CoveredWeightShareAfter);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<LostCoverageType>>>>("newlyUncovered")
            .Description("The places covered now that no unit would reach in time once the proposed units leave, heaviest first.")
            .Resolve(c => c.Source.NewlyUncovered);
    }
}

public sealed class LostCoverageType : ObjectGraphType<LostCoverage>
{
    public LostCoverageType()
    {
        Name = "LostCoverage";
        Description = "A place that loses its coverage when the proposed units leave.";
        Field<NonNullGraphType<StringGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<DemandKindType>>("kind").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<FloatGraphType>>("weight").Resolve(c => c.Source.Weight);
        Field<NonNullGraphType<GeoPointType>>("location").Resolve(c => c.Source.Location);
        Field<IntGraphType>("etaSecondsBefore").Resolve(c => c.Source.EtaSecondsBefore);
        Field<IntGraphType>("etaSecondsAfter").Description("Null when no remaining unit arrives within the limit.").Resolve(c => c.Source.EtaSecondsAfter);
    }
}
