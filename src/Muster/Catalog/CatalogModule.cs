using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Muster.Infrastructure;
using Muster.Catalog.CheckingLowStock;
using Quartz;

namespace Muster.Catalog;

public static class CatalogModule
{
    private static StoreOptions ConfigureCatalog(this StoreOptions options)
    {
        options.Projections.Add<ItemProjection>(ProjectionLifecycle.Inline);
        options.Schema.For<Item>().UniqueIndex(i => i.Code);
        return options;
    }

    public static IServiceCollection AddCatalog(this IServiceCollection services) =>
        services
            .ConfigureMarten(options => options.ConfigureCatalog())
            .AddHandlers(typeof(CatalogModule));

    /// <summary>Minimum stock levels per item and the scheduled check against them (<c>Supplies:LowStock:Interval</c>).</summary>
    public static IServiceCollection AddLowStockAlerts(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(LowStockOptions.Section).Get<LowStockOptions>() ?? new LowStockOptions();
        if (options.Interval <= TimeSpan.Zero)
        {
            throw new InvalidOperationException($"{LowStockOptions.Section}:Interval must be positive, got {options.Interval}");
        }

        services.AddSingleton(options);
        services.AddSingleton<AvailableStock>();
        services.AddQuartz(quartz => quartz.ScheduleJob<CheckLowStock>(
            trigger => trigger.WithIdentity("check-low-stock", "supplies")
                .WithSchedule(SimpleScheduleBuilder.Create().WithInterval(options.Interval).RepeatForever()),
            job => job.WithIdentity(CheckLowStock.Key)));
        return services;
    }
}
