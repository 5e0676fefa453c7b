using Muster.Api.Duty;
using Muster.Api.Hazards;
using Muster.Api.Jurisdictions;
using Muster.Api.Reading;
using Muster.Spreadsheets;

namespace Muster.Api.Interop.Spreadsheets;

/// <summary>Stock import from .xlsx/.csv and the statements exported as .xlsx/.csv, under <c>/spreadsheets</c>.</summary>
public static class SpreadsheetsApi
{
    public const string Path = "/spreadsheets";

    public static IServiceCollection AddSpreadsheetsApi(this IServiceCollection services) => services.AddSpreadsheets();

    public static IEndpointRouteBuilder MapSpreadsheets(this IEndpointRouteBuilder endpoints)
    {
        var sheets = endpoints.MapGroup(Path);
        sheets.MapPost("/stock-import", StockImportEndpoint.HandleAsync);
        sheets.MapGet("/stock-import/{id}", StockImportJobEndpoint.HandleAsync);
        // Exports read from a standby when there is one; an import's progress is read where it is written.
        var exports = sheets.MapGroup("").TolerateLag();
        exports.MapGet("/stock-levels.{format}", SpreadsheetExports.StockLevelsAsync);
        exports.MapGet("/depots/{depotId}/ledger.{format}", SpreadsheetExports.LedgerAsync);
        exports.MapGet("/supply-requests.{format}", SpreadsheetExports.SupplyRequestsAsync);
        exports.MapHandbookSheet();
        exports.MapDutyRosterSheet();
        exports.MapHazardLedgerSheets();
        return endpoints;
    }
}
