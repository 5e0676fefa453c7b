using Muster.Incidents;
using Muster.Infrastructure.Writing;
using Muster.Spatial;

namespace Muster.Hazards;

/// <summary>
/// A site enters the hazard ledger. <paramref name="Location"/> is its representative point (the site itself, or the
/// middle of a river section along its line); <paramref name="Line"/> the vertices of a line site, null for a point.
/// </summary>
public sealed record HazardSiteRegistered(
    Guid SiteId, string Name, HazardSiteKind Kind, RiskLevel RiskLevel, GeoPoint Location, IReadOnlyList<GeoPoint>? Line,
    Guid JurisdictionId, string? Enterprise, SiteContact? Responsible, IReadOnlyList<IncidentKind> IncidentKinds) : IEventOf<HazardSite>;

/// <summary>The site's risk was graded again (风险等级调整), with the reason.</summary>
public sealed record HazardSiteRiskLevelChanged(Guid SiteId, RiskLevel From, RiskLevel To, string Reason) : IEventOf<HazardSite>;

/// <summary>Someone inspected a site (检查) at a time and wrote down what they found.</summary>
public sealed record InspectionRecorded(
    Guid InspectionId, Guid SiteId, Guid JurisdictionId, DateTimeOffset At, string Inspector, string Findings) : IEventOf<Inspection>;

/// <summary>A hidden danger (隐患) found at a site, to be rectified by its deadline.</summary>
public sealed record HiddenDangerReported(
    Guid DangerId, Guid SiteId, Guid JurisdictionId, Guid? InspectionId, string Description, DangerSeverity Severity,
    DateTimeOffset Deadline, string ResponsiblePerson, string? EvidenceNotes) : IEventOf<HiddenDanger>;

/// <summary>The deadline passed and the danger is not rectified: recorded once, by the overdue job.</summary>
public sealed record RectificationWentOverdue(Guid DangerId, DateTimeOffset Deadline, DateTimeOffset NoticedAt) : IEventOf<HiddenDanger>;

/// <summary>The danger was rectified (整改完成) with this evidence, on time or after its deadline.</summary>
public sealed record HiddenDangerRectified(Guid DangerId, string Evidence, DateTimeOffset RectifiedAt, bool OnTime) : IEventOf<HiddenDanger>;
