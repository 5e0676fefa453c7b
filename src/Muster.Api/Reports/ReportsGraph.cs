using Muster.Api.GraphQL;
using Muster.Api.GraphQL.Relay;
using Muster.Infrastructure;
using Muster.Reports;

namespace Muster.Api.Reports;

public static class ReportsGraph
{
    public const string Path = "/reports";

    public static string PdfPath(Guid reportId) => $"{Path}/{GlobalId.Encode(IncidentReportType.TypeName, reportId)}.pdf";

    /// <summary>Reports by id (admin, commanders, logistics), the root fields, and the PDF endpoint.</summary>
    public static IServiceCollection AddReportsGraph(this IServiceCollection services) => services
        .AddSingleton<INodeSource, ReportNodeSource>()
        .AddQueryFields(260, ReportQueries.AddTo)
        .AddMutationFields(210, ReportMutations.AddTo)
        .AddSubscriptionFields(90, ReportOverdueSubscription.AddTo);

    public static IEndpointRouteBuilder MapReports(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path + "/{id}.{format}", ReportPdfEndpoint.HandleAsync);
        return endpoints;
    }
}

public sealed class ReportNodeSource : INodeSource
{
    public string TypeName => IncidentReportType.TypeName;

    public async Task<IReadOnlyDictionary<Guid, object>> LoadAsync(IReadOnlyCollection<Guid> ids, Actor viewer, IServiceProvider services, CancellationToken ct) =>
        ReportLookup.MayRead(viewer)
            ? (await ReportLookup.FindAsync(services.GetRequiredService<Marten.IQuerySession>(), ids, ct)).ToDictionary(r => r.Id, r => (object)r)
            : new Dictionary<Guid, object>();
}
