using Muster.Incidents;
using Muster.Spatial;

namespace Muster.Reports;

/// <summary>
/// One filed report: the facts drawn from the incident's timeline when it was filed, and the text the officer
/// confirmed or edited. <see cref="Number"/> counts the reports of the incident (1 is the initial report).
/// </summary>
public sealed record IncidentReport(
    Guid Id,
    Guid IncidentId,
    ReportKind Kind,
    int Number,
    ReportContent Content,
    string FiledBy,
    DateTimeOffset FiledAt);

/// <summary>What a report says: the facts (time, place, level, casualties, forces, shortages) and the narrative.</summary>
public sealed record ReportContent(
    string Title,
    string IncidentTitle,
    IncidentKind IncidentKind,
    ResponseLevel Level,
    IncidentStatus IncidentStatus,
    DateTimeOffset OccurredAt,
    GeoPoint Location,
    Guid? JurisdictionId,
    string? JurisdictionName,
    Casualties? Casualties,
    IReadOnlyList<string> Units,
    IReadOnlyList<string> Experts,
    IReadOnlyList<string> Supplies,
    IReadOnlyList<string> Shortages,
    string Summary,
    string Measures,
    string NextSteps);
