using Marten;
using Microsoft.Extensions.DependencyInjection;
using Muster.Infrastructure;
using Muster.Spreadsheets.ImportingStock;

namespace Muster.Spreadsheets;

public static class SpreadsheetsModule
{
    public static IServiceCollection AddSpreadsheets(this IServiceCollection services) =>
        services
            .ConfigureMarten(options => options.Schema.For<StockImportJob>())
            .AddHandlers(typeof(SpreadsheetsModule))
            .AddSingleton<StockImportJobs>();
}
