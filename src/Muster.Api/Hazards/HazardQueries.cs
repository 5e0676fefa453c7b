using GraphQL;
using GraphQL.Types;
using GraphQL.Types.Relay;
using Marten;
using Muster.Api.GraphQL.Relay;
using Muster.Hazards;
using Muster.Hazards.Overdue;

namespace Muster.Api.Hazards;

/// <summary>
/// The hazard ledger as the caller may see it (<see cref="HazardScope"/>): all of it for admin, commanders and
/// logistics, its own jurisdictions' for a township, nothing for other partners.
/// </summary>
public static class HazardQueries
{
    public static void AddTo(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ConnectionType<HazardSiteType, EdgeType<HazardSiteType>>>>("hazardSites")
            .Description("Sites of the hazard ledger, reddest first, then by name; a township sees its own jurisdictions' only.")
            .Argument<RiskLevelType>("riskLevel", "Only sites of this risk level.")
            .Argument<IdGraphType>("jurisdictionId", "Only sites in this jurisdiction.")
            .Argument<HazardSiteKindType>("kind", "Only sites of this kind.")
            .Paged()
            .ResolveAsync(async context =>
            {
                var sites = Visible(context.RequestServices!.GetRequiredService<IQuerySession>().Query<HazardSite>(), await HazardNodes.ScopeAsync(context));
                if (context.GetArgument<RiskLevel?>("riskLevel") is { } level)
                {
                    sites = sites.Where(s => s.RiskLevel == level);
                }

                if (context.GetArgument<string?>("jurisdictionId") is { } given)
                {
                    var jurisdiction = GlobalId.Of(HazardGraphIds.Jurisdiction, given) ?? Guid.Empty;
                    sites = sites.Where(s => s.JurisdictionId == jurisdiction);
                }

                if (context.GetArgument<HazardSiteKind?>("kind") is { } kind)
                {
                    sites = sites.Where(s => s.Kind == kind);
                }

                return await Connections.ResolveAsync(context, sites.OrderBy(s => s.RiskLevel).ThenBy(s => s.Name).ThenBy(s => s.Id));
            });

        query.Field<NonNullGraphType<ConnectionType<InspectionType, EdgeType<InspectionType>>>>("inspections")
            .Description("Inspections of hazard sites, latest first.")
            .Argument<IdGraphType>("siteId", "Only this site's.")
            .Paged()
            .ResolveAsync(async context =>
            {
                var scope = await HazardNodes.ScopeAsync(context);
                var inspections = context.RequestServices!.GetRequiredService<IQuerySession>().Query<Inspection>().AsQueryable();
                if (scope.Filter is { } within)
                {
                    inspections = inspections.Where(i => within.Contains(i.JurisdictionId));
                }

                if (context.GetArgument<string?>("siteId") is { } given)
                {
                    var site = GlobalId.Of(HazardSiteType.TypeName, given) ?? Guid.Empty;
                    inspections = inspections.Where(i => i.SiteId == site);
                }

                return await Connections.ResolveAsync(context, inspections.OrderByDescending(i => i.At).ThenBy(i => i.Id));
            });

        query.Field<NonNullGraphType<ConnectionType<HiddenDangerType, EdgeType<HiddenDangerType>>>>("hiddenDangers")
            .Description("Hidden dangers (隐患), soonest deadline first.")
            .Argument<IdGraphType>("siteId", "Only this site's.")
            .Argument<DangerStatusType>("status", "Only dangers in this status now (OVERDUE: past the deadline and not rectified).")
            .Argument<DangerSeverityType>("severity")
            .Paged()
            .ResolveAsync(async context =>
            {
                var scope = await HazardNodes.ScopeAsync(context);
                var now = context.RequestServices!.GetRequiredService<TimeProvider>().GetUtcNow();
                var dangers = context.RequestServices!.GetRequiredService<IQuerySession>().Query<HiddenDanger>().AsQueryable();
                if (scope.Filter is { } within)
                {
                    dangers = dangers.Where(d => within.Contains(d.JurisdictionId));
                }

                if (context.GetArgument<string?>("siteId") is { } given)
                {
                    var site = GlobalId.Of(HazardSiteType.TypeName, given) ?? Guid.Empty;
                    dangers = dangers.Where(d => d.SiteId == site);
                }

                dangers = context.GetArgument<DangerStatus?>("status") switch
                {
                    DangerStatus.Rectified => dangers.Where(d => d.Status == DangerStatus.Rectified),
                    DangerStatus.Overdue => dangers.Where(d => d.Status != DangerStatus.Rectified && d.Deadline < now),
                    DangerStatus.Open => dangers.Where(d => d.Status == DangerStatus.Open && d.Deadline >= now),
                    _ => dangers,
                };
                if (context.GetArgument<DangerSeverity?>("severity") is { } severity)
                {
                    dangers = dangers.Where(d => d.Severity == severity);
                }

                return await Connections.ResolveAsync(context, dangers.OrderBy(d => d.Deadline).ThenBy(d => d.Id));
            });

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<HiddenDangerType>>>>("overdueRectifications")
            .Description("Hidden dangers past their rectification deadline and not rectified, most overdue first: what the duty desk chases.")
            .ResolveAsync(async context =>
            {
                var scope = await HazardNodes.ScopeAsync(context);
                var services = context.RequestServices!;
                return await OverdueRectificationItems.OverdueAsync(services.GetRequiredService<IQuerySession>(),
                    services.GetRequiredService<TimeProvider>().GetUtcNow(), scope.Filter, context.CancellationToken);
            });
    }

    /// <summary>The sites the scope sees.</summary>
    public static IQueryable<HazardSite> Visible(IQueryable<HazardSite> sites, HazardScope scope) =>
        scope.Filter is { } within ? sites.Where(s => within.Contains(s.JurisdictionId)) : sites;
}
