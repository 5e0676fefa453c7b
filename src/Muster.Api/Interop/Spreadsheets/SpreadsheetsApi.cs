using Muster.Api.Duty;
using Muster.Api.Hazards;
using Muster.Api.Jurisdictions;
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
        sheets.MapGet("/stock-levels.{format}", SpreadsheetExports.StockLevelsAsync);
        sheets.MapGet("/depots/{depotId}/ledger.{format}", SpreadsheetExports.LedgerAsync);
        sheets.MapGet("/supply-requests.{format}", SpreadsheetExports.SupplyRequestsAsync);
        sheets.MapHandbookSheet();
        sheets.MapDutyRosterSheet();
        sheets.MapHazardLedgerSheets();
        return endpoints;
    }
}
