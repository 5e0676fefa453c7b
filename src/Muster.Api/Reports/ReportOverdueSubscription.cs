using System.Reactive.Linq;
using GraphQL;
using GraphQL.Types;
using Marten;
using Muster.Api.GraphQL.Relay;
using Muster.Infrastructure;
using Muster.Infrastructure.Changes;
using Muster.Reports;
using Muster.Reports.Deadlines;

namespace Muster.Api.Reports;

public static class ReportOverdueSubscription
{
    /// <summary>Marten's name of <see cref="ReportOverdueFlagged"/> in the event store and in change notices.</summary>
    public const string FlaggedEvent = "report_overdue_flagged";

    public static void AddTo(ObjectGraphType subscription) =>
        subscription.Field<NonNullGraphType<ReportDueType>>("reportOverdue")
            .Description("Each report the overdue job finds late, once per deadline, on any instance: the duty desk's alarm. Admin, commanders and logistics.")
            .AuthorizeWithRoles(Roles.Admin, Roles.Commander, Roles.Logistics)
            .ResolveStream(context =>
            {
                var services = context.RequestServices!;
                var store = services.GetRequiredService<IDocumentStore>();
                var options = services.GetRequiredService<ReportsOptions>();
                return services.GetRequiredService<ChangeFeed>()
                    .Where(notice => notice.Kind == nameof(ReportLog) && notice.Events.Contains(FlaggedEvent))
                    .Select(notice => Observable.FromAsync(ct => FlaggedAsync(store, notice.Stream, ct)))
                    .Concat()
                    .SelectMany(flagged => flagged)
                    .Catch<ReportDue, ChangesMissedException>(missed =>
                        Observable.Throw<ReportDue>(new ExecutionError(missed.Message) { Code = ChangesMissedException.Code }));
            });

    /// <summary>The flags of the log's latest flagging run (one run flags all of an incident's late reports at once).</summary>
    private static async Task<IReadOnlyList<ReportDue>> FlaggedAsync(IDocumentStore store, Guid logId, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var log = await session.LoadAsync<ReportLog>(logId, ct);
        var incident = log is null ? null : await session.LoadAsync<Muster.Incidents.Incident>(log.IncidentId, ct);
        if (log is null || incident is null || log.Flags.Count == 0)
        {
            return [];
        }

        var latest = log.Flags.Max(f => f.FlaggedAt);
        return log.Flags.Where(f => f.FlaggedAt == latest)
            .Select(f => new ReportDue(incident.Id, incident.Title, incident.Level, f.Kind, f.DueAt, null, f.FlaggedAt))
            .ToList();
    }
}
