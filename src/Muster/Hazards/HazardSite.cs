using JasperFx.Events;
using Muster.Incidents;
using Muster.Infrastructure.Writing;
using Muster.Spatial;

namespace Muster.Hazards;

/// <summary>
/// A site of the hazard ledger (风险隐患台账): what it is, how risky (four colours), where (a point, or a line with
/// its representative point), in which jurisdiction, the enterprise that owns it and who answers for it.
/// </summary>
public sealed record HazardSite(
    Guid Id,
    string Name,
    HazardSiteKind Kind,
    RiskLevel RiskLevel,
    GeoPoint Location,
    IReadOnlyList<GeoPoint>? Line,
    Guid JurisdictionId,
    string? Enterprise,
    SiteContact? Responsible,
    IReadOnlyList<IncidentKind> IncidentKinds,
    DateTimeOffset RegisteredAt) : IAggregate<HazardSite>
{
    public static HazardSite? After(HazardSite? site, IEvent e) => (site, e.Data) switch
    {
        (_, HazardSiteRegistered r) => new HazardSite(
            r.SiteId, r.Name, r.Kind, r.RiskLevel, r.Location, r.Line, r.JurisdictionId, r.Enterprise, r.Responsible, r.IncidentKinds, e.Timestamp),
        (HazardSite current, HazardSiteRiskLevelChanged changed) => current with { RiskLevel = changed.To },
        (HazardSite current, _) => current,
        _ => null,
    };
}

/// <summary>One inspection of a site: when, by whom, what was found.</summary>
public sealed record Inspection(
    Guid Id, Guid SiteId, Guid JurisdictionId, DateTimeOffset At, string Inspector, string Findings, DateTimeOffset RecordedAt) : IAggregate<Inspection>
{
    public static Inspection? After(Inspection? inspection, IEvent e) => (inspection, e.Data) switch
    {
        (_, InspectionRecorded r) => new Inspection(r.InspectionId, r.SiteId, r.JurisdictionId, r.At, r.Inspector, r.Findings, e.Timestamp),
        (Inspection current, _) => current,
        _ => null,
    };
}

/// <summary>A hidden danger (隐患) and its rectification (整改).</summary>
public sealed record HiddenDanger(
    Guid Id,
    Guid SiteId,
    Guid JurisdictionId,
    Guid? InspectionId,
    string Description,
    DangerSeverity Severity,
    DateTimeOffset Deadline,
    string ResponsiblePerson,
    string? EvidenceNotes,
    DangerStatus Status,
    DateTimeOffset ReportedAt,
    DateTimeOffset? WentOverdueAt,
    DateTimeOffset? RectifiedAt,
    string? RectificationEvidence,
    bool? RectifiedOnTime) : IAggregate<HiddenDanger>
{
    public static HiddenDanger? After(HiddenDanger? danger, IEvent e) => (danger, e.Data) switch
    {
        (_, HiddenDangerReported r) => new HiddenDanger(
            r.DangerId, r.SiteId, r.JurisdictionId, r.InspectionId, r.Description, r.Severity, r.Deadline, r.ResponsiblePerson, r.EvidenceNotes,
            DangerStatus.Open, e.Timestamp, null, null, null, null),
        (HiddenDanger current, var data) => HiddenDangerEvolution.Evolve(current, data),
        _ => null,
    };

    /// <summary>The status as a reader sees it at <paramref name="now"/>: past its deadline and not rectified is overdue, even before the job recorded it.</summary>
    public DangerStatus StatusAt(DateTimeOffset now) =>
        Status == DangerStatus.Open && Deadline < now ? DangerStatus.Overdue : Status;
}

/// <summary>How a hidden danger follows from its events; pure.</summary>
public static class HiddenDangerEvolution
{
    public static HiddenDanger Evolve(HiddenDanger danger, object @event) => @event switch
    {
        RectificationWentOverdue overdue when danger.Status == DangerStatus.Open =>
            danger with { Status = DangerStatus.Overdue, WentOverdueAt = overdue.NoticedAt },
        HiddenDangerRectified rectified => danger with
        {
            Status = DangerStatus.Rectified, RectifiedAt = rectified.RectifiedAt, RectificationEvidence = rectified.Evidence,
            RectifiedOnTime = rectified.OnTime,
        },
        _ => danger,
    };
}
