using GraphQL;
using GraphQL.Types;
using Marten;
using Muster.Api.GraphQL.Relay;
using Muster.Api.Incidents;
using Muster.Incidents;
using Muster.Infrastructure;
using Muster.Reports;
using Muster.Reports.Deadlines;
using Muster.Reports.Drafting;

namespace Muster.Api.Reports;

/// <summary>An incident's reports, its draft and deadlines, and every late report. Admin, commanders and logistics.</summary>
public static class ReportQueries
{
    public static void AddTo(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<IncidentReportType>>>>("incidentReports")
            .Description("The reports filed on the incident, in the order filed.")
            .Argument<NonNullGraphType<IdGraphType>>("incidentId")
            .AuthorizeWithRoles(Roles.Admin, Roles.Commander, Roles.Logistics)
            .ResolveAsync(async context =>
            {
                var (session, incident) = await LoadAsync(context);
                var log = await session.LoadAsync<ReportLog>(ReportLog.StreamOf(incident.Id), context.CancellationToken);
                return log?.Reports ?? [];
            });

        query.Field<NonNullGraphType<IncidentReportDraftType>>("draftIncidentReport")
            .Description("The report Muster drafts now from the incident's timeline: of the given kind, else the one the incident owes next; casualties as given, else as last reported.")
            .Argument<NonNullGraphType<IdGraphType>>("incidentId")
            .Argument<ReportKindType>("kind")
            .Argument<CasualtiesInputType>("casualties")
            .AuthorizeWithRoles(Roles.Admin, Roles.Commander, Roles.Logistics)
            .ResolveAsync(async context =>
            {
                var (session, incident) = await LoadAsync(context);
                var services = context.RequestServices!;
                var facts = (await services.GetRequiredService<IncidentFactsReader>().ReadAsync(session, incident.Id, context.CancellationToken))!;
                var options = services.GetRequiredService<ReportsOptions>();
                var kind = context.GetArgument<ReportKind?>("kind") ?? ReportDrafting.NextKind(incident, facts.Log);
                var content = ReportDrafting.Draft(facts, kind, context.GetArgument<Casualties?>("casualties"), options);
                var draft = new IncidentReport(Guid.Empty, incident.Id, kind, (facts.Log?.Reports.Count ?? 0) + 1, content,
                    Visibility.Viewer(context).Subject, services.GetRequiredService<TimeProvider>().GetUtcNow());
                return new ReportDraft(draft, ReportSchedule.Due(incident, facts.Log, options.Deadlines));
            });

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ReportDueType>>>>("reportDeadlines")
            .Description("What the incident owes next and by when (empty once its final report is filed).")
            .Argument<NonNullGraphType<IdGraphType>>("incidentId")
            .AuthorizeWithRoles(Roles.Admin, Roles.Commander, Roles.Logistics)
            .ResolveAsync(async context =>
            {
                var (session, incident) = await LoadAsync(context);
                return await context.RequestServices!.GetRequiredService<ReportDueList>().ForIncidentAsync(session, incident, context.CancellationToken);
            });

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ReportDueType>>>>("overdueReports")
            .Description("Every report due and not filed, over all incidents, the longest overdue first.")
            .AuthorizeWithRoles(Roles.Admin, Roles.Commander, Roles.Logistics)
            .ResolveAsync(async context =>
            {
                var services = context.RequestServices!;
                return await services.GetRequiredService<ReportDueList>().OverdueAsync(
                    services.GetRequiredService<IQuerySession>(), services.GetRequiredService<TimeProvider>().GetUtcNow(), context.CancellationToken);
            });
    }

    private static async Task<(IQuerySession Session, Incident Incident)> LoadAsync(IResolveFieldContext context)
    {
        var session = context.RequestServices!.GetRequiredService<IQuerySession>();
        return GlobalId.Of(IncidentType.TypeName, context.GetArgument<string>("incidentId")) is { } id
            && await session.LoadAsync<Incident>(id, context.CancellationToken) is { } incident
            ? (session, incident)
            : throw new ExecutionError("no such incident") { Code = "NOT_FOUND" };
    }
}
