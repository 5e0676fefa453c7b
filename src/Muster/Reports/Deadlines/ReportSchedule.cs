using Muster.Incidents;

namespace Muster.Reports.Deadlines;

/// <summary>
/// A report that is due: of which kind, for which incident, by when (and, for the initial report, by when the superior
/// must have been called); <see cref="FlaggedAt"/> once the duty desk was told it is late.
/// </summary>
public sealed record ReportDue(
    Guid IncidentId, string IncidentTitle, ResponseLevel Level, ReportKind Kind, DateTimeOffset DueAt, DateTimeOffset? ByPhoneAt, DateTimeOffset? FlaggedAt)
{
    public bool IsOverdue(DateTimeOffset now) => DueAt <= now;
}

/// <summary>Which report an incident owes next, and by when; pure.</summary>
public static class ReportSchedule
{
    /// <summary>
    /// Nothing filed: the initial report, due the level's written limit after the incident was reported. Initial filed
    /// and the incident open: a follow-up, due the level's interval after the last report. Closed without a final
    /// report: the final report, due its limit after the closing (and the initial too when it was never filed).
    /// Final filed: nothing.
    /// </summary>
    public static IReadOnlyList<ReportDue> Due(Incident incident, ReportLog? log, ReportDeadlines deadlines)
    {
        if (log?.Final is not null)
        {
            return [];
        }

        var limits = deadlines.For(incident.Level);
        var due = new List<ReportDue>();
        if (log?.Initial is null)
        {
            due.Add(Entry(ReportKind.Initial, incident.ReportedAt + limits.InitialInWriting, incident.ReportedAt + limits.InitialByPhone));
        }
        else if (incident.Status != IncidentStatus.Closed)
        {
            due.Add(Entry(ReportKind.FollowUp, log.Latest!.FiledAt + limits.FollowUpEvery, null));
        }

        if (incident is { Status: IncidentStatus.Closed, ClosedAt: { } closedAt })
        {
            due.Add(Entry(ReportKind.Final, closedAt + limits.FinalAfterClosing, null));
        }

        return due;

        ReportDue Entry(ReportKind kind, DateTimeOffset at, DateTimeOffset? byPhone) =>
            new(incident.Id, incident.Title, incident.Level, kind, at, byPhone,
                log?.Flags.FirstOrDefault(f => f.Kind == kind && f.DueAt == at)?.FlaggedAt);
    }
}
