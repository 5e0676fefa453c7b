using System.Text.Json.Nodes;
using Muster.Api.Auth;
using Muster.Infrastructure;
using Muster.Spreadsheets.ImportingStock;

namespace Muster.Api.Interop.Spreadsheets;

/// <summary>
/// GET a background stock import: its state (validating, applying, done, failed), rows checked of the total, and once
/// finished the report the synchronous import answers. Only its uploader or an admin sees it; anyone else gets 404.
/// </summary>
public static class StockImportJobEndpoint
{
    public static string Address(Guid id) => $"{SpreadsheetsApi.Path}/stock-import/{id}";

    public static async Task<IResult> HandleAsync(string id, HttpContext http, StockImportJobs jobs)
    {
        if (HttpActorAccessor.ActorOf(http.User) is not { } viewer)
        {
            return SheetUpload.Problem(401, "a bearer token is required");
        }

        var job = Guid.TryParse(id, out var jobId) ? await jobs.FindAsync(jobId, viewer, http.RequestAborted) : null;
        return job is null ? SheetUpload.Problem(404, "no such stock import") : Results.Json(Json(job));
    }

    internal static JsonObject Json(StockImportJob job) => new()
    {
        ["id"] = job.Id.ToString(),
        ["state"] = ApiNames.Of(job.State).ToLowerInvariant(),
        ["rowsChecked"] = job.RowsChecked,
        ["totalRows"] = job.TotalRows,
        ["dryRun"] = job.DryRun,
        ["startedAt"] = job.StartedAt,
        ["report"] = job.Report is { } report ? StockImportEndpoint.Json(report) : null,
        ["error"] = job.Error is { } e ? new JsonObject { ["code"] = e.Code, ["message"] = e.Message, ["field"] = e.Field } : null,
    };
}
