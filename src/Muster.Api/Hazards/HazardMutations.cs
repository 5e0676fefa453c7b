using GraphQL;
using GraphQL.Types;
using Muster.Api.GraphQL;
using Muster.Api.GraphQL.Relay;
using Muster.Api.GraphQL.Scalars;
using Muster.Hazards;
using Muster.Hazards.ChangingRiskLevel;
using Muster.Hazards.Inspecting;
using Muster.Hazards.Rectifying;
using Muster.Hazards.Registering;
using Muster.Hazards.Reporting;
using Muster.Infrastructure;

namespace Muster.Api.Hazards;

/// <summary>The hazard ledger's mutations: admin and commanders for any site, a township for its own jurisdiction's.</summary>
public static class HazardMutations
{
    private const string Who = " Admin, commanders, or a township (a partner whose agency maintains a jurisdiction) for its own jurisdiction's sites.";

    public static void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<HazardPayloadType.Register>>("registerHazardSite")
            .Description("Enters a site into the hazard ledger; it must lie inside the county, and its jurisdiction is where its representative point lies." + Who)
            .Argument<NonNullGraphType<RegisterHazardSiteInputType>>("input")
            .AuthorizeWithRoles(Roles.Admin, Roles.Commander, Roles.Partner)
            .ResolveAsync(Mutation.Run((RegisterHazardSiteHandler sites, RegisterHazardSiteInput input, CancellationToken ct) =>
            {
                var (point, line, error) = input.Geometry is { } geometry ? HazardGeoJson.Parse(geometry) : (input.Location, null, null);
                if (input.Geometry is not null && input.Location is not null)
                {
                    error = "and location were both given: give a site either a location (a point) or a geometry";
                }

                return error is not null
                    ? Task.FromResult(Result<HazardSite>.Fail(DomainError.Validation("geometry " + error, "geometry")))
                    : sites.Handle(new RegisterHazardSite(input.Name, input.Kind, input.RiskLevel, point, line, input.Enterprise, input.Responsible, input.IncidentKinds), ct);
            }));

        mutation.Field<NonNullGraphType<HazardPayloadType.ChangeRiskLevel>>("changeHazardSiteRiskLevel")
            .Description("Grades a site again (RED ORANGE YELLOW BLUE), with the reason; the history keeps every grade." + Who)
            .Argument<NonNullGraphType<ChangeHazardSiteRiskLevelInputType>>("input")
            .AuthorizeWithRoles(Roles.Admin, Roles.Commander, Roles.Partner)
            .ResolveAsync(Mutation.On(HazardSiteType.Existing, i => i.SiteId,
                (ChangeHazardSiteRiskLevelHandler sites, Guid siteId, ChangeHazardSiteRiskLevelInput input, CancellationToken ct) =>
                    sites.Handle(new ChangeHazardSiteRiskLevel(siteId, input.RiskLevel, input.Reason), ct)));

        mutation.Field<NonNullGraphType<HazardPayloadType.Inspect>>("recordInspection")
            .Description("Records an inspection of a site: when, by whom, what was found." + Who)
            .Argument<NonNullGraphType<RecordInspectionInputType>>("input")
            .AuthorizeWithRoles(Roles.Admin, Roles.Commander, Roles.Partner)
            .ResolveAsync(Mutation.On(HazardSiteType.Existing, i => i.SiteId,
                (RecordInspectionHandler inspections, Guid siteId, RecordInspectionInput input, CancellationToken ct) =>
                    inspections.Handle(new RecordInspection(siteId, input.At, input.Inspector, input.Findings), ct)));

        mutation.Field<NonNullGraphType<HazardPayloadType.Report>>("reportHiddenDanger")
            .Description("Reports a hidden danger (隐患) at a site with its severity, a rectification deadline in the future and who must rectify it." + Who)
            .Argument<NonNullGraphType<ReportHiddenDangerInputType>>("input")
            .AuthorizeWithRoles(Roles.Admin, Roles.Commander, Roles.Partner)
            .ResolveAsync(Mutation.On(HazardSiteType.Existing, i => i.SiteId,
                (ReportHiddenDangerHandler dangers, Guid siteId, ReportHiddenDangerInput input, CancellationToken ct) =>
                {
                    Guid? inspection = input.InspectionId is { } given ? GlobalId.Of(InspectionType.TypeName, given) ?? Guid.Empty : null;
                    return dangers.Handle(new ReportHiddenDanger(siteId, inspection, input.Description, input.Severity, input.Deadline,
                        input.ResponsiblePerson, input.EvidenceNotes), ct);
                }));

        mutation.Field<NonNullGraphType<HazardPayloadType.Rectify>>("rectifyHiddenDanger")
            .Description("Records that a hidden danger is rectified, with the evidence; on time when by its deadline, late otherwise. Once only." + Who)
            .Argument<NonNullGraphType<RectifyHiddenDangerInputType>>("input")
            .AuthorizeWithRoles(Roles.Admin, Roles.Commander, Roles.Partner)
            .ResolveAsync(Mutation.On(HiddenDangerType.Existing, i => i.DangerId,
                (RectifyHiddenDangerHandler dangers, Guid dangerId, RectifyHiddenDangerInput input, CancellationToken ct) =>
                    dangers.Handle(new RectifyHiddenDanger(dangerId, input.Evidence), ct)));
    }
}

public static class HazardPayloadType
{
    public sealed class Register() : PayloadType<HazardSiteType>("RegisterHazardSitePayload", "site", "The registered site, or why nothing was registered.");

    public sealed class ChangeRiskLevel() : PayloadType<HazardSiteType>("ChangeHazardSiteRiskLevelPayload", "site", "The site as now graded, or why its grade stays.");

    public sealed class Inspect() : PayloadType<InspectionType>("RecordInspectionPayload", "inspection", "The recorded inspection, or why nothing was recorded.");

    public sealed class Report() : PayloadType<HiddenDangerType>("ReportHiddenDangerPayload", "danger", "The reported danger, or why nothing was reported.");

    public sealed class Rectify() : PayloadType<HiddenDangerType>("RectifyHiddenDangerPayload", "danger", "The rectified danger, or why it stays as it was.");
}
