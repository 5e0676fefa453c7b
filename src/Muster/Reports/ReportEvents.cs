using Muster.Infrastructure.Writing;

namespace Muster.Reports;

/// <summary>A report on the incident was filed (an event of the incident's report log).</summary>
public sealed record IncidentReportFiled(Guid IncidentId, IncidentReport Report) : IEventOf<ReportLog>;

/// <summary>
/// The report of <see cref="Kind"/> due at <see cref="DueAt"/> was not filed in time; the duty desk was told, once for
/// that due time.
/// </summary>
public sealed record ReportOverdueFlagged(Guid IncidentId, ReportKind Kind, DateTimeOffset DueAt, DateTimeOffset FlaggedAt) : IEventOf<ReportLog>;
