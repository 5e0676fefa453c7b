using Muster.Incidents;
using Muster.Infrastructure;
using Muster.Infrastructure.Text;
using Muster.Infrastructure.Writing;
using Muster.Reports.Drafting;

namespace Muster.Reports.Filing;

/// <summary>
/// File a report of <see cref="Kind"/> on the incident: the draft from its timeline, with the casualties entered and the
/// narrative as the officer edited it (a null part keeps the draft's).
/// </summary>
public sealed record FileIncidentReport(
    Guid IncidentId, ReportKind Kind, Casualties? Casualties, string? Summary, string? Measures, string? NextSteps);

public static class FileIncidentReportDecision
{
    public const int MaxTextLength = 8000;
    public const int MaxCasualties = 1_000_000;

    /// <summary>
    /// One initial report first; follow-ups while the incident is open; one final report once it is closed, after
    /// which nothing more. Each refusal names the field to change.
    /// </summary>
    public static Result<IncidentReportFiled> Decide(
        Incident? incident, ReportLog? log, FileIncidentReport command, ReportContent draft, Actor actor, DateTimeOffset now, Guid reportId)
    {
        if (incident is null)
        {
            return DomainError.NotFound("no such incident", "incidentId");
        }

        if (Stage(incident, log, command.Kind) is { } refused)
        {
            return refused;
        }

        if (Casualties(command.Casualties) is { } wrong)
        {
            return wrong;
        }

        var summary = Text(command.Summary, draft.Summary, "summary");
        var measures = Text(command.Measures, draft.Measures, "measures");
        var nextSteps = Text(command.NextSteps, draft.NextSteps, "nextSteps");
        var errors = new[] { summary, measures, nextSteps }.SelectMany(t => t.Errors).ToList();
        if (errors.Count > 0)
        {
            return Result<IncidentReportFiled>.Fail(errors);
        }

        var content = draft with
        {
            Casualties = command.Casualties ?? draft.Casualties,
            Summary = summary.Value!,
            Measures = measures.Value!,
            NextSteps = nextSteps.Value!,
        };
        var number = (log?.Reports.Count ?? 0) + 1;
        return new IncidentReportFiled(incident.Id, new IncidentReport(reportId, incident.Id, command.Kind, number, content, actor.Subject, now));
    }

    private static DomainError? Stage(Incident incident, ReportLog? log, ReportKind kind)
    {
        if (log?.Final is { } final)
        {
            return DomainError.InvalidState(
                $"the final report was filed at {final.FiledAt:yyyy-MM-dd HH:mm}Z: nothing more is reported on this incident", "kind");
        }

        return kind switch
        {
            ReportKind.Initial when log?.Initial is { } initial => DomainError.InvalidState(
                $"the initial report was filed at {initial.FiledAt:yyyy-MM-dd HH:mm}Z; file a FOLLOW_UP{(incident.Status == IncidentStatus.Closed ? " or, the incident being closed, the FINAL report" : "")}", "kind"),
            ReportKind.FollowUp or ReportKind.Final when log?.Initial is null => DomainError.InvalidState(
                "no initial report was filed yet: file the INITIAL report first", "kind"),
            ReportKind.FollowUp when incident.Status == IncidentStatus.Closed => DomainError.InvalidState(
                "the incident is closed: file the FINAL report instead of a follow-up", "kind"),
            ReportKind.Final when incident.Status != IncidentStatus.Closed => DomainError.InvalidState(
                "the final report comes after the incident is closed: close it first, or file a FOLLOW_UP", "kind"),
            _ => null,
        };
    }

    private static DomainError? Casualties(Casualties? casualties)
    {
        if (casualties is null)
        {
            return null;
        }

        foreach (var (field, value) in new[]
                 {
                     ("deaths", casualties.Deaths), ("injured", casualties.Injured), ("missing", casualties.Missing), ("trapped", casualties.Trapped),
                 })
        {
            if (value is < 0 or > MaxCasualties)
            {
                return DomainError.Validation($"{field} must be a number of people from 0 to {MaxCasualties}", "casualties." + field);
            }
        }

        return null;
    }

    private static Result<string?> Text(string? edited, string drafted, string field) =>
        edited is null ? Result<string?>.Ok(drafted) : TextRules.FreeText(edited, field, MaxTextLength, required: true);
}

public sealed class FileIncidentReportHandler(EventWriter writer, IncidentFactsReader facts, ReportsOptions options, TimeProvider time)
{
    public static readonly DomainError Conflict =
        DomainError.Conflict("another report on this incident was filed meanwhile; read its reports again and retry", "incidentId");

    public Task<Result<IncidentReport>> Handle(FileIncidentReport command, CancellationToken ct) =>
        writer.RunAsync<IncidentReport>(
            async (session, actor, token) =>
            {
                var stream = await session.Events.FetchForWriting<ReportLog>(ReportLog.StreamOf(command.IncidentId), token);
                var read = await facts.ReadAsync(session, command.IncidentId, token);
                var draft = read is null ? null : ReportDrafting.Draft(read with { Log = stream.Aggregate }, command.Kind, command.Casualties, options);
                var decision = FileIncidentReportDecision.Decide(
                    read?.Incident, stream.Aggregate, command, draft!, actor, time.GetUtcNow(), Guid.CreateVersion7());
                if (!decision.Succeeded)
                {
                    return Result<IncidentReport>.Fail(decision.Errors);
                }

                stream.AppendOne(decision.Value!);
                return decision.Value!.Report;
            },
            Conflict, ct);
}
