using System.Text.Json.Nodes;
using Muster.Api.Auth;
using Muster.Api.Depots;
using Muster.Api.GraphQL.Relay;
using Muster.Infrastructure;
using Muster.Spreadsheets.ImportingStock;

namespace Muster.Api.Interop.Spreadsheets;

/// <summary>
/// POST a stock sheet (.xlsx or .csv as the body) for one depot: <c>mode=receipts</c> (each row a lot received) or
/// <c>mode=count</c> (each row what a lot holds; differences become corrections, with <c>reason</c>). <c>dryRun=true</c>
/// checks every row and writes nothing. Any invalid row: 422 with the row-by-row report, nothing imported.
/// With <c>async=true</c> or <c>Prefer: respond-async</c> the import runs as a job: 202 and its address, where
/// <see cref="StockImportJobEndpoint"/> answers its progress and, at the end, the same report.
/// </summary>
public static class StockImportEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext http, ImportStockHandler handler, StockImportJobs jobs)
    {
        if (HttpActorAccessor.ActorOf(http.User) is not { } actor)
        {
            return Problem(401, "a bearer token is required");
        }

        if (!actor.IsIn(Role.Admin, Role.Logistics, Role.Partner))
        {
            return Problem(403, "only logistics staff, an admin or a partner for its own depot may import stock");
        }

        var query = http.Request.Query;
        if (GlobalId.Of(DepotType.TypeName, query["depotId"].FirstOrDefault()) is not { } depotId)
        {
            return Problem(400, "depotId must be a depot's id");
        }

        StockImportMode? mode = query["mode"].FirstOrDefault() switch
        {
            null or "receipts" => StockImportMode.Receipts,
            "count" => StockImportMode.Count,
            _ => null,
        };
        if (mode is null)
        {
            return Problem(400, "mode must be 'receipts' or 'count'");
        }

        var (file, format, refusal) = await SheetUpload.ReadAsync(http.Request);
        if (refusal is not null)
        {
            return refusal;
        }

        using var sheet = file!;
        var (rows, error) = StockSheetReader.Read(sheet, format!, ImportStockHandler.MaxRows);
        if (rows is null)
        {
            return Problem(400, error!);
        }

        var dryRun = query["dryRun"].FirstOrDefault() is "true" or "1";
        var command = new ImportStock(depotId, mode.Value, rows, dryRun, query["reason"].FirstOrDefault());
        if (WantsJob(http.Request))
        {
            var job = await jobs.StartAsync(command, actor, http.RequestAborted);
            http.Response.Headers.Location = StockImportJobEndpoint.Address(job.Id);
            http.Response.Headers["Preference-Applied"] = "respond-async";
            return Results.Json(StockImportJobEndpoint.Json(job), statusCode: 202);
        }

        var result = await handler.Handle(command, http.RequestAborted);
        if (!result.Succeeded)
        {
            var first = result.Errors[0];
            return Problem(first.Code == ErrorCodes.Conflict ? 409 : 400, first.Message);
        }

        var report = result.Value!;
        return Results.Json(Json(report), statusCode: report.InvalidRows > 0 ? 422 : 200);
    }

    private static bool WantsJob(HttpRequest request) =>
        request.Query["async"].FirstOrDefault() is "true" or "1"
        || request.Headers["Prefer"].Any(p => p?.Split([',', ';']).Any(t => t.Trim().Equals("respond-async", StringComparison.OrdinalIgnoreCase)) == true);

    internal static JsonObject Json(StockImportReport report) => new()
    {
        ["dryRun"] = report.DryRun,
        ["applied"] = report.Applied,
        ["validRows"] = report.ValidRows,
        ["invalidRows"] = report.InvalidRows,
        ["rows"] = new JsonArray([.. report.Rows.Select(r => new JsonObject
        {
            ["row"] = r.Row,
            ["itemCode"] = r.ItemCode,
            ["lot"] = r.Lot,
            ["change"] = r.Change,
            ["errors"] = new JsonArray([.. r.Errors.Select(e => new JsonObject { ["code"] = e.Code, ["message"] = e.Message, ["field"] = e.Field })]),
        })]),
    };

    private static IResult Problem(int status, string message) => SheetUpload.Problem(status, message);
}
