using Muster.Infrastructure.Writing;

namespace Muster.Reports;

/// <summary>The report log document, kept inline so an officer sees the report he just filed.</summary>
public partial class ReportLogProjection : AggregateProjection<ReportLog>;
