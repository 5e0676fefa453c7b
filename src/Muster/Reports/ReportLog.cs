using JasperFx.Events;
using Muster.Infrastructure;
using Muster.Infrastructure.Writing;

namespace Muster.Reports;

/// <summary>
/// An incident's information reports (its 信息报告 register): the reports filed, in order, and the overdue flags raised.
/// One stream per incident, beside the incident's own (<see cref="StreamOf"/>), so filing a report never races a dispatch.
/// </summary>
public sealed record ReportLog(
    Guid Id,
    Guid IncidentId,
    IReadOnlyList<IncidentReport> Reports,
    IReadOnlyList<OverdueFlag> Flags) : IAggregate<ReportLog>
{
    private static readonly Guid Space = new("6f3c1d2e-9a41-4d8b-a6a5-1f0c7e2b9d34");

    /// <summary>The id of the report log stream of an incident.</summary>
    public static Guid StreamOf(Guid incidentId) => NameBasedId.Create(Space, incidentId.ToString("D"));

    public IncidentReport? Initial => Reports.FirstOrDefault(r => r.Kind == ReportKind.Initial);

    public IncidentReport? Final => Reports.FirstOrDefault(r => r.Kind == ReportKind.Final);

    public IncidentReport? Latest => Reports.Count == 0 ? null : Reports[^1];

    public bool WasFlagged(ReportKind kind, DateTimeOffset dueAt) => Flags.Any(f => f.Kind == kind && f.DueAt == dueAt);

    public static ReportLog? After(ReportLog? log, IEvent e) => e.Data switch
    {
        IncidentReportFiled filed => (log ?? Empty(e.StreamId, filed.IncidentId)) with { Reports = [.. (log?.Reports ?? []), filed.Report] },
        ReportOverdueFlagged flagged => (log ?? Empty(e.StreamId, flagged.IncidentId)) with
        {
            Flags = [.. (log?.Flags ?? []), new OverdueFlag(flagged.Kind, flagged.DueAt, flagged.FlaggedAt)],
        },
        _ => log,
    };

    private static ReportLog Empty(Guid id, Guid incidentId) => new(id, incidentId, [], []);
}

/// <summary>The duty desk was told at <see cref="FlaggedAt"/> that the report due at <see cref="DueAt"/> was late.</summary>
public sealed record OverdueFlag(ReportKind Kind, DateTimeOffset DueAt, DateTimeOffset FlaggedAt);
