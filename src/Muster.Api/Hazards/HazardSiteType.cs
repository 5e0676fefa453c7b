using GraphQL.Types;
using Muster.Api.GraphQL;
using Muster.Api.GraphQL.Relay;
using Muster.Api.GraphQL.Scalars;
using Muster.Api.Incidents;
using Muster.Api.Jurisdictions;
using Muster.Hazards;

namespace Muster.Api.Hazards;

public sealed class HazardSiteType : ObjectGraphType<HazardSite>
{
    public const string TypeName = "HazardSite";

    public static readonly Existing Existing = new(TypeName, "hazard site");

    public HazardSiteType()
    {
        Name = TypeName;
        Description = "A site of the hazard ledger (风险隐患台账): its kind, four-colour risk level, place, jurisdiction, owning enterprise and who answers for it.";
        Interface<NodeInterface>();
        IsTypeOf = value => value is HazardSite;
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => GlobalId.Encode(TypeName, c.Source.Id));
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<HazardSiteKindType>>("kind").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<RiskLevelType>>("riskLevel").Resolve(c => c.Source.RiskLevel);
        Field<NonNullGraphType<GeoPointType>>("location")
            .Description("The site's representative point: the site itself, or the middle of a line site (a river section) along its length.")
            .Resolve(c => c.Source.Location);
        Field<NonNullGraphType<StringGraphType>>("geometry")
            .Description("The site's shape as a GeoJSON geometry: a Point, or a LineString for a river section.")
            .Resolve(c => HazardGeoJson.Geometry(c.Source).ToJsonString());
        Field<NonNullGraphType<IdGraphType>>("jurisdictionId")
            .Description("The jurisdiction the site lay in when registered (the most specific one containing its representative point).")
            .Resolve(c => GlobalId.Encode(HazardGraphIds.Jurisdiction, c.Source.JurisdictionId));
        Field<JurisdictionType>("jurisdiction")
            .Description("The jurisdiction the site lies in, with the responsible persons to call (null for a partner who does not see it).")
            .ResolveAsync(async c => await JurisdictionViewer.VisibleAsync(c, c.Source.JurisdictionId));
        Field<StringGraphType>("enterprise").Description("The enterprise that owns or runs the site, if any.").Resolve(c => c.Source.Enterprise);
        Field<SiteContactType>("responsible").Description("Who answers for the site (the enterprise's or the township's person).").Resolve(c => c.Source.Responsible);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IncidentKindType>>>>("incidentKinds")
            .Description("The kinds of incident the site threatens.").Resolve(c => c.Source.IncidentKinds);
        Field<NonNullGraphType<DateTimeScalar>>("registeredAt").Resolve(c => c.Source.RegisteredAt);
    }
}

public sealed class SiteContactType : ObjectGraphType<SiteContact>
{
    public SiteContactType()
    {
        Name = "SiteContact";
        Description = "A person to call about a site: role (主要负责人, 安全负责人…), name and phone.";
        Field<NonNullGraphType<StringGraphType>>("role").Resolve(c => c.Source.Role);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<StringGraphType>>("phone").Resolve(c => c.Source.Phone);
    }
}

public sealed class SiteContactInputType : InputObjectGraphType<SiteContact>
{
    public SiteContactInputType()
    {
        Name = "SiteContactInput";
        Field<NonNullGraphType<StringGraphType>>("role");
        Field<NonNullGraphType<StringGraphType>>("name");
        Field<NonNullGraphType<StringGraphType>>("phone");
    }
}

/// <summary>Type names of other capabilities' ids that hazard fields carry.</summary>
public static class HazardGraphIds
{
    public const string Jurisdiction = JurisdictionType.TypeName;
}
