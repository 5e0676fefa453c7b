using Marten;
using Muster.Infrastructure;
using Muster.Infrastructure.Text;
using Muster.Infrastructure.Writing;
using Muster.Jurisdictions;

namespace Muster.Hazards.Reporting;

/// <summary>A hidden danger found at a site (隐患), to be rectified by <paramref name="Deadline"/> under <paramref name="ResponsiblePerson"/>.</summary>
public sealed record ReportHiddenDanger(
    Guid SiteId, Guid? InspectionId, string Description, DangerSeverity Severity, DateTimeOffset Deadline, string ResponsiblePerson, string? EvidenceNotes);

public static class ReportHiddenDangerDecision
{
    public static Result<HiddenDangerReported> Decide(
        HazardSite? site, Inspection? inspection, ReportHiddenDanger command, Guid newId, HazardScope scope, DateTimeOffset now)
    {
        if (HazardRules.MayWorkOn(site, scope) is { } refused)
        {
            return refused;
        }

        var description = TextRules.FreeText(command.Description, "description", HazardRules.MaxText, required: true);
        var responsible = TextRules.Name(command.ResponsiblePerson, "responsiblePerson", HazardRules.MaxName);
        var notes = TextRules.FreeText(command.EvidenceNotes, "evidenceNotes", HazardRules.MaxText);
        var errors = description.Errors.Concat(responsible.Errors).Concat(notes.Errors).ToList();
        if (command.Deadline <= now)
        {
            errors.Add(DomainError.Validation("the rectification deadline must lie in the future", "deadline"));
        }

        if (command.InspectionId is not null && (inspection is null || inspection.SiteId != site!.Id))
        {
            errors.Add(DomainError.NotFound("no such inspection of this site", "inspectionId"));
        }

        return errors.Count > 0
            ? Result<HiddenDangerReported>.Fail(errors)
            : new HiddenDangerReported(newId, site!.Id, site.JurisdictionId, command.InspectionId, description.Value!, command.Severity,
                command.Deadline, responsible.Value!, notes.Value);
    }
}

public sealed class ReportHiddenDangerHandler(EventWriter writer, IJurisdictionDirectory directory, TimeProvider time)
{
    public Task<Result<HiddenDanger>> Handle(ReportHiddenDanger command, CancellationToken ct) =>
        writer.StartAsync<HiddenDanger, HiddenDangerReported>(
            async (session, actor, token) => ReportHiddenDangerDecision.Decide(
                await session.LoadAsync<HazardSite>(command.SiteId, token),
                command.InspectionId is { } inspection ? await session.LoadAsync<Inspection>(inspection, token) : null,
                command, Guid.CreateVersion7(), await HazardScope.OfAsync(actor, directory, token), time.GetUtcNow()),
            reported => reported.DangerId, null, ct);
}
