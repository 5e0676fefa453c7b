using Microsoft.Extensions.DependencyInjection;
using Muster.Spreadsheets.ImportingStock;

namespace Muster.Spreadsheets;

public static class SpreadsheetsModule
{
    public static IServiceCollection AddSpreadsheets(this IServiceCollection services) =>
        services.AddScoped<ImportStockHandler>();
}
