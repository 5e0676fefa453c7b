using Microsoft.Extensions.DependencyInjection;
using Muster.Infrastructure;

namespace Muster.Spreadsheets;

public static class SpreadsheetsModule
{
    public static IServiceCollection AddSpreadsheets(this IServiceCollection services) =>
        services.AddHandlers(typeof(SpreadsheetsModule));
}
