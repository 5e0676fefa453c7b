using Muster.Api.Auth;
using Muster.Api.GraphQL.Relay;
using Muster.Reports;
using Muster.Reports.Rendering;
using Marten;

namespace Muster.Api.Reports;

/// <summary><c>GET /reports/{id}.pdf</c> and <c>.txt</c>: a filed report for the same roles that read it over GraphQL.</summary>
public static class ReportPdfEndpoint
{
    public static async Task<IResult> HandleAsync(string id, string format, HttpContext http, IQuerySession session, ReportsOptions options)
    {
        if (HttpActorAccessor.ActorOf(http.User) is not { } viewer)
        {
            return Results.Json(new { error = "a bearer token is required" }, statusCode: 401);
        }

        if (!ReportLookup.MayRead(viewer))
        {
            return Results.Json(new { error = "reports are read by admin, commanders and logistics" }, statusCode: 403);
        }

        if (format is not ("pdf" or "txt"))
        {
            return Results.Json(new { error = "ask for .pdf or .txt" }, statusCode: 404);
        }

        var found = GlobalId.Of(IncidentReportType.TypeName, id) is { } reportId
            ? await ReportLookup.FindAsync(session, [reportId], http.RequestAborted)
            : [];
        var report = found.Count == 0 ? null : found[0];
        if (report is null)
        {
            return Results.Json(new { error = "no such report" }, statusCode: 404);
        }

        var name = $"report-{report.Number}";
        if (format == "txt")
        {
            return Results.Text(ReportText.Render(report, options), "text/plain; charset=utf-8");
        }

        if (ReportPdf.FontFile(options) is not { } font)
        {
            return Results.Json(new { error = "the PDF fonts are not installed: install fonts-droid-fallback and fonts-dejavu-core (./run.sh does) or set Reports:FontFile" }, statusCode: 503);
        }

        return Results.File(ReportPdf.Render(report, options, font), "application/pdf", name + ".pdf");
    }
}
