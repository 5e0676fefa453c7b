using Muster.Catalog;
using Muster.Experts;
using Muster.Incidents;
using Muster.Jurisdictions;
using Muster.Requests;
using Muster.Units;

namespace Muster.Reports.Drafting;

/// <summary>One recorded event of the incident's stream with its time.</summary>
public sealed record TimelineEntry(DateTimeOffset At, object Data);

/// <summary>
/// What a report is drafted from: the incident, its stream in order, what was sent to it (read by id, as they are now),
/// the items named, the jurisdiction it lies in, and the reports already filed.
/// </summary>
public sealed record IncidentFacts(
    Incident Incident,
    IReadOnlyList<TimelineEntry> Timeline,
    IReadOnlyList<RescueUnit> Units,
    IReadOnlyList<Expert> Experts,
    IReadOnlyList<SupplyRequest> Requests,
    IReadOnlyList<Item> Items,
    JurisdictionRef? Jurisdiction,
    ReportLog? Log);
