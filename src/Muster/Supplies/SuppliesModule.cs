using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Muster.Supplies.Counting;
using Muster.Supplies.Levels;
using Muster.Supplies.Receiving;
using Muster.Supplies.WritingOff;
using Muster.Supplies.Writing;

namespace Muster.Supplies;

public static class SuppliesModule
{
    public static StoreOptions ConfigureSupplies(this StoreOptions options)
    {
        options.Projections.Add<StockLineProjection>(ProjectionLifecycle.Inline);
        options.Projections.Add<StockLevelsProjection>(ProjectionLifecycle.Inline);
        options.Schema.For<StockLine>().Index(s => s.DepotId).Index(s => s.ItemCode).Index(s => s.EarliestExpiry);
        return options;
    }

    public static IServiceCollection AddSupplies(this IServiceCollection services) =>
        services
            .AddScoped<StockTransaction>()
            .AddScoped<ReceiveStockHandler>()
            .AddScoped<AdjustStockHandler>()
            .AddScoped<WriteOffStockHandler>()
            .AddScoped<StockLevels>();
}
