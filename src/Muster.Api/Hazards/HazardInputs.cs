using GraphQL.Types;
using Muster.Api.GraphQL.Scalars;
using Muster.Api.Incidents;
using Muster.Hazards;
using Muster.Incidents;
using Muster.Spatial;

namespace Muster.Api.Hazards;

public sealed record RegisterHazardSiteInput(
    string Name, HazardSiteKind Kind, RiskLevel RiskLevel, GeoPoint? Location, string? Geometry, string? Enterprise,
    SiteContact? Responsible, List<IncidentKind>? IncidentKinds);

public sealed class RegisterHazardSiteInputType : InputObjectGraphType<RegisterHazardSiteInput>
{
    public RegisterHazardSiteInputType()
    {
        Name = "RegisterHazardSiteInput";
        Field<NonNullGraphType<StringGraphType>>("name");
        Field<NonNullGraphType<HazardSiteKindType>>("kind");
        Field<NonNullGraphType<RiskLevelType>>("riskLevel");
        Field<GeoPointInputType>("location").Description("Where a point site is. Give this or geometry.");
        Field<StringGraphType>("geometry").Description("The site's shape as a GeoJSON Point or LineString geometry (a river section). Give this or location.");
        Field<StringGraphType>("enterprise").Description("The enterprise that owns or runs the site.");
        Field<SiteContactInputType>("responsible").Description("Who answers for the site.");
        Field<ListGraphType<NonNullGraphType<IncidentKindType>>>("incidentKinds").Description("The kinds of incident the site threatens.");
    }
}

public sealed record ChangeHazardSiteRiskLevelInput(string SiteId, RiskLevel RiskLevel, string Reason);

public sealed class ChangeHazardSiteRiskLevelInputType : InputObjectGraphType<ChangeHazardSiteRiskLevelInput>
{
    public ChangeHazardSiteRiskLevelInputType()
    {
        Name = "ChangeHazardSiteRiskLevelInput";
        Field<NonNullGraphType<IdGraphType>>("siteId");
        Field<NonNullGraphType<RiskLevelType>>("riskLevel");
        Field<NonNullGraphType<StringGraphType>>("reason").Description("Why the site is graded again.");
    }
}

public sealed record RecordInspectionInput(string SiteId, DateTimeOffset At, string Inspector, string Findings);

public sealed class RecordInspectionInputType : InputObjectGraphType<RecordInspectionInput>
{
    public RecordInspectionInputType()
    {
        Name = "RecordInspectionInput";
        Field<NonNullGraphType<IdGraphType>>("siteId");
        Field<NonNullGraphType<DateTimeScalar>>("at").Description("When the inspection took place; not in the future.");
        Field<NonNullGraphType<StringGraphType>>("inspector");
        Field<NonNullGraphType<StringGraphType>>("findings");
    }
}

public sealed record ReportHiddenDangerInput(
    string SiteId, string? InspectionId, string Description, DangerSeverity Severity, DateTimeOffset Deadline, string ResponsiblePerson, string? EvidenceNotes);

public sealed class ReportHiddenDangerInputType : InputObjectGraphType<ReportHiddenDangerInput>
{
    public ReportHiddenDangerInputType()
    {
        Name = "ReportHiddenDangerInput";
        Field<NonNullGraphType<IdGraphType>>("siteId");
        Field<IdGraphType>("inspectionId").Description("The inspection of this site that found it, if one did.");
        Field<NonNullGraphType<StringGraphType>>("description");
        Field<NonNullGraphType<DangerSeverityType>>("severity");
        Field<NonNullGraphType<DateTimeScalar>>("deadline").Description("The rectification deadline; must lie in the future.");
        Field<NonNullGraphType<StringGraphType>>("responsiblePerson").Description("Who must rectify it (整改责任人).");
        Field<StringGraphType>("evidenceNotes").Description("Notes on the evidence of the danger.");
    }
}

public sealed record RectifyHiddenDangerInput(string DangerId, string Evidence);

public sealed class RectifyHiddenDangerInputType : InputObjectGraphType<RectifyHiddenDangerInput>
{
    public RectifyHiddenDangerInputType()
    {
        Name = "RectifyHiddenDangerInput";
        Field<NonNullGraphType<IdGraphType>>("dangerId");
        Field<NonNullGraphType<StringGraphType>>("evidence").Description("What shows the danger is rectified (整改验收记录).");
    }
}
