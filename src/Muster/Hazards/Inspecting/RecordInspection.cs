using Marten;
using Muster.Infrastructure;
using Muster.Infrastructure.Text;
using Muster.Infrastructure.Writing;
using Muster.Jurisdictions;

namespace Muster.Hazards.Inspecting;

/// <summary>An inspection of a site (检查): when it took place, who inspected, what they found.</summary>
public sealed record RecordInspection(Guid SiteId, DateTimeOffset At, string Inspector, string Findings);

public static class RecordInspectionDecision
{
    /// <summary>How far ahead of the server's clock an inspection's time may be (a device's clock drifts a little).</summary>
    public static readonly TimeSpan MaxAhead = TimeSpan.FromMinutes(5);

    public static Result<InspectionRecorded> Decide(HazardSite? site, RecordInspection command, Guid newId, HazardScope scope, DateTimeOffset now)
    {
        if (HazardRules.MayWorkOn(site, scope) is { } refused)
        {
            return refused;
        }

        var inspector = TextRules.Name(command.Inspector, "inspector", HazardRules.MaxName);
        var findings = TextRules.FreeText(command.Findings, "findings", HazardRules.MaxText, required: true);
        var errors = inspector.Errors.Concat(findings.Errors).ToList();
        if (command.At > now + MaxAhead)
        {
            errors.Add(DomainError.Validation("an inspection cannot take place in the future", "at"));
        }

        return errors.Count > 0
            ? Result<InspectionRecorded>.Fail(errors)
            : new InspectionRecorded(newId, site!.Id, site.JurisdictionId, command.At, inspector.Value!, findings.Value!);
    }
}

public sealed class RecordInspectionHandler(EventWriter writer, IJurisdictionDirectory directory, TimeProvider time)
{
    public Task<Result<Inspection>> Handle(RecordInspection command, CancellationToken ct) =>
        writer.StartAsync<Inspection, InspectionRecorded>(
            async (session, actor, token) => RecordInspectionDecision.Decide(
                await session.LoadAsync<HazardSite>(command.SiteId, token), command, Guid.CreateVersion7(),
                await HazardScope.OfAsync(actor, directory, token), time.GetUtcNow()),
            recorded => recorded.InspectionId, null, ct);
}
